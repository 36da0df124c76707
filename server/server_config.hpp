#pragma once
// The server's settings: one struct, filled in layers (defaults < config file < environment <
// command-line flags). Loading is kept apart from the server so that each layer is testable alone.

#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_params.hpp"

namespace news {

struct HttpLimits {
    std::size_t max_request_line = 8192;   // bytes of method + target + version (414 beyond)
    std::size_t max_header_bytes = 16384;  // all header names and values together (431 beyond)
    std::size_t max_body_bytes = 65536;    // request bodies (413 beyond); the API takes none
    int read_timeout_ms = 5000;
    int write_timeout_ms = 5000;
    int keep_alive_timeout_s = 5;
    int keep_alive_max_requests = 10000;
};

// The longest poll a worker may be told to make (http_poll_us): 10 ms.
inline constexpr int kMaxPollUs = 10'000;

struct RateLimitConfig {
    bool enabled = false;
    double requests_per_second = 20.0;  // tokens refilled per second per client address
    double burst = 40.0;                // bucket size
};

struct ServerConfig {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string index_dir = "var/index";
    std::string web_dir = "web";
    int threads = 0;       // concurrent searches (one Searcher each); 0 = http_threads
    int http_threads = 0;  // HTTP workers (server/event_loop); 0 = cores
    // How long a worker asks for its next request before it sleeps, while the server holds
    // fewer connections than workers (server/event_loop.hpp, poll_pays); 0 = never.
    int http_poll_us = 200;
    std::string log_level = "info";
    std::string log_format = "text";  // text | json
    bool access_log = true;
    // Gzip for clients that accept it (server/compression.hpp); off behind a proxy that
    // compresses itself, or to spend no CPU on it.
    bool compression = true;
    std::vector<std::string> cors_origins;  // exact origins, or "*"; none by default
    RateLimitConfig rate_limit;
    HttpLimits limits;
    SearchLimits search;
    int refresh_interval_ms = 200;  // how often a Searcher checks for a new index revision
    // Memory for stored articles the searches have read, shared by all Searchers; 0 = none.
    std::size_t article_cache_mb = kDefaultArticleCacheMb;
};

// Reads `j` over `cfg`; keys absent from `j` keep their value. Throws std::invalid_argument naming
// the key on a wrong type, an unknown key or an out-of-range value.
void apply_config_json(ServerConfig& cfg, const nlohmann::json& j);

// Reads and applies a JSON config file. Throws std::invalid_argument with the path on failure.
void apply_config_file(ServerConfig& cfg, const std::string& path);

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup process_env();

// Applies the SEARCH_* environment variables. Throws std::invalid_argument naming the variable.
void apply_env(ServerConfig& cfg, const EnvLookup& env);

// Checks cross-field constraints after all layers; throws std::invalid_argument.
void validate(const ServerConfig& cfg);

// Fills the automatic values (http_threads = cores, threads = http_threads).
ServerConfig with_resolved_threads(ServerConfig cfg, unsigned cores);

nlohmann::json to_json(const ServerConfig& cfg);

}  // namespace news
