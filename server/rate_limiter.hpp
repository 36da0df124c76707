#pragma once
// Per-client token bucket: each client address may make `burst` requests at once and
// `requests_per_second` on average. Thread-safe; time is passed in so tests need no sleeping.

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/server_config.hpp"

namespace news {

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    struct Decision {
        bool allowed;
        int retry_after_s;  // whole seconds until one token is back (>= 1 when refused)
    };

    explicit RateLimiter(RateLimitConfig cfg, std::size_t max_clients = 100'000);

    Decision take(std::string_view client, Clock::time_point now);
    std::size_t tracked_clients() const;

  private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    void prune(Clock::time_point now);

    RateLimitConfig cfg_;
    std::size_t max_clients_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace news
