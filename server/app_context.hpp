#pragma once
// What the request handlers share: settings, the searcher pool, metrics, static files, the
// rate limiter and the log. Built once at start-up; everything in it is thread-safe.

#include <memory>
#include <optional>

#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/searcher_pool.hpp"
#include "server/server_config.hpp"
#include "server/server_log.hpp"
#include "server/static_files.hpp"

namespace news {

struct AppContext {
    explicit AppContext(const ServerConfig& config)
        : cfg(config),
          pool(SearcherOptions{config.index_dir, config.search, config.article_cache_mb << 20},
               config.threads, std::chrono::milliseconds(config.refresh_interval_ms)),
          statics(config.web_dir),
          log(config) {
        if (config.rate_limit.enabled) limiter.emplace(config.rate_limit);
    }

    ServerConfig cfg;
    SearcherPool pool;
    Metrics metrics;
    StaticFiles statics;
    std::optional<RateLimiter> limiter;
    ServerLog log;
};

}  // namespace news
