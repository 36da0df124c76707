#include "server/server_config.hpp"

#include <cstdlib>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "server/text_parse.hpp"

namespace news {
namespace {

using nlohmann::json;

[[noreturn]] void fail(std::string_view key, std::string_view why) {
    throw std::invalid_argument("config key \"" + std::string(key) + "\": " + std::string(why));
}

// Keys starting with "_" are comments; anything else unknown is a typo worth reporting.
void check_keys(const json& j, std::string_view where, const std::set<std::string_view>& known) {
    if (!j.is_object()) fail(where, "must be an object");
    for (const auto& [key, value] : j.items()) {
        if (key.starts_with('_') || known.contains(key)) continue;
        fail(std::string(where).append(where.empty() ? "" : ".").append(key), "unknown key");
    }
}

template <typename T>
void read_int(const json& j, std::string_view key, T& out, long long min, long long max) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_number_integer()) fail(key, "must be an integer");
    const auto v = it->get<long long>();
    if (v < min || v > max) {
        fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    out = static_cast<T>(v);
}

void read_double(const json& j, std::string_view key, double& out, double min, double max) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_number()) fail(key, "must be a number");
    const auto v = it->get<double>();
    if (!(v >= min && v <= max)) fail(key, "out of range");
    out = v;
}

void read_string(const json& j, std::string_view key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        fail(key, "must be a non-empty string");
    }
    out = it->get<std::string>();
}

void read_bool(const json& j, std::string_view key, bool& out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_boolean()) fail(key, "must be true or false");
    out = it->get<bool>();
}

void read_log(ServerConfig& cfg, const json& j) {
    check_keys(j, "log", {"level", "format", "access_log"});
    read_string(j, "level", cfg.log_level);
    read_string(j, "format", cfg.log_format);
    read_bool(j, "access_log", cfg.access_log);
}

void read_cors(ServerConfig& cfg, const json& j) {
    check_keys(j, "cors", {"allowed_origins"});
    auto it = j.find("allowed_origins");
    if (it == j.end()) return;
    if (!it->is_array()) fail("cors.allowed_origins", "must be an array of strings");
    std::vector<std::string> origins;
    for (const auto& o : *it) {
        if (!o.is_string()) fail("cors.allowed_origins", "must be an array of strings");
        origins.push_back(o.get<std::string>());
    }
    cfg.cors_origins = std::move(origins);
}

void read_rate_limit(ServerConfig& cfg, const json& j) {
    check_keys(j, "rate_limit", {"enabled", "requests_per_second", "burst"});
    read_bool(j, "enabled", cfg.rate_limit.enabled);
    read_double(j, "requests_per_second", cfg.rate_limit.requests_per_second, 0.001, 1e9);
    read_double(j, "burst", cfg.rate_limit.burst, 1.0, 1e9);
}

void read_limits(ServerConfig& cfg, const json& j) {
    check_keys(j, "limits",
               {"max_request_line", "max_header_bytes", "max_body_bytes", "read_timeout_ms",
                "write_timeout_ms", "keep_alive_timeout_s", "keep_alive_max_requests"});
    auto& l = cfg.limits;
    // The HTTP library itself refuses request lines over 8192 bytes, so more cannot be allowed.
    read_int(j, "max_request_line", l.max_request_line, 64, 8192);
    read_int(j, "max_header_bytes", l.max_header_bytes, 256, 1 << 20);
    read_int(j, "max_body_bytes", l.max_body_bytes, 0, 1 << 30);
    read_int(j, "read_timeout_ms", l.read_timeout_ms, 1, 3'600'000);
    read_int(j, "write_timeout_ms", l.write_timeout_ms, 1, 3'600'000);
    read_int(j, "keep_alive_timeout_s", l.keep_alive_timeout_s, 0, 3600);
    read_int(j, "keep_alive_max_requests", l.keep_alive_max_requests, 1, 1'000'000'000);
}

void read_search(ServerConfig& cfg, const json& j) {
    check_keys(j, "search",
               {"max_query_chars", "max_per_page", "max_page", "max_wildcard_expansion",
                "refresh_interval_ms", "article_cache_mb"});
    auto& s = cfg.search;
    read_int(j, "max_query_chars", s.max_query_chars, 1, 100'000);
    read_int(j, "max_per_page", s.max_per_page, 1, 1000);
    read_int(j, "max_page", s.max_page, 1, 1'000'000);
    read_int(j, "max_wildcard_expansion", s.max_wildcard_expansion, 1, 100'000);
    read_int(j, "refresh_interval_ms", cfg.refresh_interval_ms, 0, 60'000);
    read_int(j, "article_cache_mb", cfg.article_cache_mb, 0, 1'000'000);
}

}  // namespace

void apply_config_json(ServerConfig& cfg, const json& j) {
    check_keys(j, "",
               {"bind", "port", "index", "web_dir", "threads", "http_threads", "http_poll_us",
                "compression", "log", "cors", "rate_limit", "limits", "search"});
    read_string(j, "bind", cfg.bind);
    read_int(j, "port", cfg.port, 0, 65535);
    read_string(j, "index", cfg.index_dir);
    read_string(j, "web_dir", cfg.web_dir);
    read_int(j, "threads", cfg.threads, 0, 1024);
    read_int(j, "http_threads", cfg.http_threads, 0, 4096);
    read_int(j, "http_poll_us", cfg.http_poll_us, 0, kMaxPollUs);
    read_bool(j, "compression", cfg.compression);
    if (j.contains("log")) read_log(cfg, j["log"]);
    if (j.contains("cors")) read_cors(cfg, j["cors"]);
    if (j.contains("rate_limit")) read_rate_limit(cfg, j["rate_limit"]);
    if (j.contains("limits")) read_limits(cfg, j["limits"]);
    if (j.contains("search")) read_search(cfg, j["search"]);
}

void apply_config_file(ServerConfig& cfg, const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument("cannot read config file " + path);
    std::stringstream text;
    text << in.rdbuf();
    const json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) throw std::invalid_argument("config file " + path + " is not valid JSON");
    try {
        apply_config_json(cfg, j);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(path + ": " + e.what());
    }
}

EnvLookup process_env() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* v = std::getenv(std::string(name).c_str());
        if (v == nullptr || *v == '\0') return std::nullopt;
        return std::string(v);
    };
}

void apply_env(ServerConfig& cfg, const EnvLookup& env) {
    auto num = [&](std::string_view name, long long min,
                   long long max) -> std::optional<long long> {
        auto v = env(name);
        if (!v) return std::nullopt;
        auto n = parse_integer(*v, min, max);
        if (!n) {
            throw std::invalid_argument("environment variable " + std::string(name) +
                                        " must be an integer between " + std::to_string(min) +
                                        " and " + std::to_string(max));
        }
        return n;
    };
    if (auto v = env("SEARCH_BIND")) cfg.bind = *v;
    if (auto v = num("SEARCH_PORT", 0, 65535)) cfg.port = static_cast<int>(*v);
    if (auto v = env("SEARCH_INDEX")) cfg.index_dir = *v;
    if (auto v = env("SEARCH_WEB_DIR")) cfg.web_dir = *v;
    if (auto v = num("SEARCH_THREADS", 0, 1024)) cfg.threads = static_cast<int>(*v);
    if (auto v = num("SEARCH_HTTP_THREADS", 0, 4096)) cfg.http_threads = static_cast<int>(*v);
    if (auto v = num("SEARCH_HTTP_POLL_US", 0, kMaxPollUs)) cfg.http_poll_us = static_cast<int>(*v);
    if (auto v = num("SEARCH_ARTICLE_CACHE_MB", 0, 1'000'000))
        cfg.article_cache_mb = static_cast<std::size_t>(*v);
    if (auto v = env("SEARCH_LOG_LEVEL")) cfg.log_level = *v;
    if (auto v = env("SEARCH_LOG_FORMAT")) cfg.log_format = *v;
    auto flag = [&](std::string_view name, bool& out) {
        auto v = env(name);
        if (!v) return;
        auto b = parse_bool(*v);
        if (!b) {
            throw std::invalid_argument("environment variable " + std::string(name) +
                                        " must be true or false");
        }
        out = *b;
    };
    flag("SEARCH_ACCESS_LOG", cfg.access_log);
    flag("SEARCH_COMPRESSION", cfg.compression);
    if (auto v = env("SEARCH_CORS_ORIGINS")) cfg.cors_origins = split_list(*v, ',');
    if (auto v = num("SEARCH_RATE_LIMIT", 0, 1'000'000'000)) {
        cfg.rate_limit.enabled = *v > 0;
        if (*v > 0) cfg.rate_limit.requests_per_second = static_cast<double>(*v);
    }
    if (auto v = num("SEARCH_RATE_BURST", 1, 1'000'000'000)) {
        cfg.rate_limit.burst = static_cast<double>(*v);
    }
}

void validate(const ServerConfig& cfg) {
    static const std::set<std::string_view> levels{"trace", "debug",    "info", "warn",
                                                   "error", "critical", "off"};
    if (!levels.contains(cfg.log_level)) {
        throw std::invalid_argument(
            "log level must be one of trace, debug, info, warn, error, "
            "critical, off (got \"" +
            cfg.log_level + "\")");
    }
    if (cfg.log_format != "text" && cfg.log_format != "json") {
        throw std::invalid_argument("log format must be text or json (got \"" + cfg.log_format +
                                    "\")");
    }
    if (cfg.bind.empty()) throw std::invalid_argument("bind address must not be empty");
    if (cfg.index_dir.empty()) throw std::invalid_argument("index directory must not be empty");
}

ServerConfig with_resolved_threads(ServerConfig cfg, unsigned cores) {
    // One HTTP worker per core. A worker runs the searches of its connections one at a time, so
    // with more workers than cores the busy ones share the cores and every search in flight
    // takes longer; the slowest requests wait the most. At 16 keep-alive clients on 2 cores, 2
    // workers instead of 4 gave a lower p99 in 6 of 7 alternated pairs of runs, by a quarter on
    // average (bench corpus, 1x and 10x), for about the same throughput (10x: 4% less on average,
    // within the spread of the pairs; 1x: 5-12% more).
    if (cfg.http_threads <= 0) cfg.http_threads = static_cast<int>(cores == 0 ? 1 : cores);
    // One Searcher per worker: a worker runs one search at a time, so handles beyond the
    // workers' number are never in use at once, and fewer make workers wait for one.
    if (cfg.threads <= 0) cfg.threads = cfg.http_threads;
    return cfg;
}

nlohmann::json to_json(const ServerConfig& cfg) {
    const auto& l = cfg.limits;
    return json{
        {"bind", cfg.bind},
        {"port", cfg.port},
        {"index", cfg.index_dir},
        {"web_dir", cfg.web_dir},
        {"threads", cfg.threads},
        {"http_threads", cfg.http_threads},
        {"http_poll_us", cfg.http_poll_us},
        {"compression", cfg.compression},
        {"log",
         {{"level", cfg.log_level}, {"format", cfg.log_format}, {"access_log", cfg.access_log}}},
        {"cors", {{"allowed_origins", cfg.cors_origins}}},
        {"rate_limit",
         {{"enabled", cfg.rate_limit.enabled},
          {"requests_per_second", cfg.rate_limit.requests_per_second},
          {"burst", cfg.rate_limit.burst}}},
        {"limits",
         {{"max_request_line", l.max_request_line},
          {"max_header_bytes", l.max_header_bytes},
          {"max_body_bytes", l.max_body_bytes},
          {"read_timeout_ms", l.read_timeout_ms},
          {"write_timeout_ms", l.write_timeout_ms},
          {"keep_alive_timeout_s", l.keep_alive_timeout_s},
          {"keep_alive_max_requests", l.keep_alive_max_requests}}},
        {"search",
         {{"max_query_chars", cfg.search.max_query_chars},
          {"max_per_page", cfg.search.max_per_page},
          {"max_page", cfg.search.max_page},
          {"max_wildcard_expansion", cfg.search.max_wildcard_expansion},
          {"refresh_interval_ms", cfg.refresh_interval_ms},
          {"article_cache_mb", cfg.article_cache_mb}}},
    };
}

}  // namespace news
