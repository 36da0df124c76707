#include "server/cli_args.hpp"

#include <stdexcept>

#include "server/text_parse.hpp"

namespace news {
namespace {

struct FlagSpec {
    std::string_view name;
    bool takes_value;
};

// One flag a line: the formatter would pack this list into columns.
// clang-format off
constexpr FlagSpec kFlags[] = {
    {"--config", true},
    {"--index", true},
    {"--port", true},
    {"--bind", true},
    {"--web", true},
    {"--threads", true},
    {"--http-threads", true},
    {"--http-poll-us", true},
    {"--log-level", true},
    {"--log-format", true},
    {"--cors-origin", true},
    {"--rate-limit", true},
    {"--rate-burst", true},
    {"--no-access-log", false},
    {"--no-compression", false},
    {"--healthcheck", false},
    {"--print-config", false},
    {"--help", false},
    {"-h", false},
    {"--version", false},
};
// clang-format on

const FlagSpec* find_flag(std::string_view name) {
    for (const auto& f : kFlags) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

long long flag_integer(std::string_view flag, std::string_view value, long long min,
                       long long max) {
    auto n = parse_integer(value, min, max);
    if (!n) {
        throw std::invalid_argument(std::string(flag) + " needs an integer between " +
                                    std::to_string(min) + " and " + std::to_string(max) +
                                    " (got \"" + std::string(value) + "\")");
    }
    return *n;
}

void apply_flag(ServerConfig& cfg, std::string_view flag, const std::string& value,
                bool& cors_reset) {
    if (flag == "--index")
        cfg.index_dir = value;
    else if (flag == "--port")
        cfg.port = static_cast<int>(flag_integer(flag, value, 0, 65535));
    else if (flag == "--bind")
        cfg.bind = value;
    else if (flag == "--web")
        cfg.web_dir = value;
    else if (flag == "--threads")
        cfg.threads = static_cast<int>(flag_integer(flag, value, 0, 1024));
    else if (flag == "--http-threads") {
        cfg.http_threads = static_cast<int>(flag_integer(flag, value, 0, 4096));
    } else if (flag == "--http-poll-us") {
        cfg.http_poll_us = static_cast<int>(flag_integer(flag, value, 0, kMaxPollUs));
    } else if (flag == "--log-level")
        cfg.log_level = value;
    else if (flag == "--log-format")
        cfg.log_format = value;
    else if (flag == "--no-access-log")
        cfg.access_log = false;
    else if (flag == "--no-compression")
        cfg.compression = false;
    else if (flag == "--cors-origin") {
        // Repeated flags add up, but together they replace what the file or environment said.
        if (!cors_reset) cfg.cors_origins.clear();
        cors_reset = true;
        cfg.cors_origins.push_back(value);
    } else if (flag == "--rate-limit") {
        const auto rps = flag_integer(flag, value, 0, 1'000'000'000);
        cfg.rate_limit.enabled = rps > 0;
        if (rps > 0) cfg.rate_limit.requests_per_second = static_cast<double>(rps);
    } else if (flag == "--rate-burst") {
        cfg.rate_limit.burst = static_cast<double>(flag_integer(flag, value, 1, 1'000'000'000));
    }
}

}  // namespace

CliArgs parse_cli(std::span<const std::string_view> args) {
    CliArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        std::optional<std::string> inline_value;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
            inline_value = std::string(arg.substr(eq + 1));
            arg = arg.substr(0, eq);
        }
        const FlagSpec* spec = find_flag(arg);
        if (spec == nullptr) {
            throw std::invalid_argument("unknown argument \"" + std::string(arg) +
                                        "\" (see --help)");
        }
        std::string value;
        if (spec->takes_value) {
            if (inline_value) {
                value = *inline_value;
            } else if (i + 1 < args.size()) {
                value = std::string(args[++i]);
            } else {
                throw std::invalid_argument(std::string(arg) + " needs a value");
            }
        } else if (inline_value) {
            throw std::invalid_argument(std::string(arg) + " takes no value");
        }
        if (arg == "--help" || arg == "-h")
            out.mode = RunMode::Help;
        else if (arg == "--version")
            out.mode = RunMode::Version;
        else if (arg == "--healthcheck")
            out.mode = RunMode::Healthcheck;
        else if (arg == "--print-config")
            out.mode = RunMode::PrintConfig;
        else if (arg == "--config")
            out.config_path = value;
        else
            out.overrides.emplace_back(std::string(arg), std::move(value));
    }
    return out;
}

void apply_flags(ServerConfig& cfg, const CliArgs& args) {
    bool cors_reset = false;
    for (const auto& [flag, value] : args.overrides) apply_flag(cfg, flag, value, cors_reset);
}

ServerConfig load_server_config(const CliArgs& args, const EnvLookup& env, unsigned cores) {
    ServerConfig cfg;
    std::optional<std::string> path = args.config_path;
    if (!path) path = env("SEARCH_CONFIG");
    if (path) apply_config_file(cfg, *path);
    apply_env(cfg, env);
    apply_flags(cfg, args);
    validate(cfg);
    return with_resolved_threads(std::move(cfg), cores);
}

std::string help_text() {
    return R"(Usage: server [options]

Serves the news search API and the web page over HTTP.
Settings are layered: flags > environment variables > config file > defaults.

Options:
  --config FILE        JSON config file (env SEARCH_CONFIG); see config/server.json
  --index DIR          Xapian index directory (env SEARCH_INDEX, default var/index)
  --port N             TCP port, 0 = any free port (env SEARCH_PORT, default 8080)
  --bind ADDR          address to listen on (env SEARCH_BIND, default 127.0.0.1)
  --web DIR            static files served at / (env SEARCH_WEB_DIR, default web)
  --threads N          concurrent searches, 0 = http threads (env SEARCH_THREADS)
  --http-threads N     HTTP workers (epoll), 0 = cores (env SEARCH_HTTP_THREADS)
  --http-poll-us N     microseconds a worker polls for the next request before sleeping,
                       while clients are fewer than workers; 0 = never (env SEARCH_HTTP_POLL_US,
                       default 200)
  --log-level LEVEL    trace|debug|info|warn|error|critical|off (env SEARCH_LOG_LEVEL, default info)
  --log-format FORMAT  text|json (env SEARCH_LOG_FORMAT, default text)
  --no-access-log      do not log one line per request (env SEARCH_ACCESS_LOG=false)
  --no-compression     never gzip responses, even for clients that accept it
                       (env SEARCH_COMPRESSION=false)
  --cors-origin ORIGIN allow this origin to call the API; repeatable; "*" for any
                       (env SEARCH_CORS_ORIGINS, comma-separated; default none)
  --rate-limit N       per-client limit in requests/second, 0 = off (env SEARCH_RATE_LIMIT, default off)
  --rate-burst N       bucket size of the rate limit (env SEARCH_RATE_BURST, default 40)
  --healthcheck        probe http://127.0.0.1:PORT/readyz; exit 0 when ready, 1 otherwise
  --print-config       print the effective configuration as JSON and exit
  --version            print the version and exit
  -h, --help           print this help and exit

Signals: SIGINT and SIGTERM finish the requests in flight, then exit 0.
)";
}

}  // namespace news
