// Settings layering of the server: defaults < config file < SEARCH_* environment < flags.

#include "server/server_config.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "server/cli_args.hpp"
#include "server/text_parse.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

news::EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

news::CliArgs cli(std::vector<std::string_view> args) {
    return news::parse_cli(args);
}

// A config file for one test case, removed when the case ends.
struct TempServerConfig {
    news::testing::ScratchPath file{"news-server-config"};
    std::string path = file.string();
    explicit TempServerConfig(const std::string& text) { std::ofstream(path) << text; }
};

}  // namespace

TEST_CASE("server config: defaults are the documented ones") {
    const auto cfg = news::load_server_config(cli({}), env_of({}), 4);
    CHECK(cfg.bind == "127.0.0.1");
    CHECK(cfg.port == 8080);
    CHECK(cfg.index_dir == "var/index");
    CHECK(cfg.web_dir == "web");
    CHECK(cfg.http_threads == 4);  // 0 = cores: one HTTP worker per core
    CHECK(cfg.threads == 4);       // 0 = http_threads: one Searcher per worker
    CHECK(cfg.http_poll_us == 200);
    CHECK(cfg.cors_origins.empty());
    CHECK_FALSE(cfg.rate_limit.enabled);
    CHECK(cfg.search.max_query_chars == 1000);
    CHECK(cfg.article_cache_mb == 64);
}

TEST_CASE("server config: the Searchers follow the HTTP workers unless set") {
    const auto raised = news::load_server_config(cli({"--http-threads", "6"}), env_of({}), 2);
    CHECK(raised.http_threads == 6);
    CHECK(raised.threads == 6);
    const auto both =
        news::load_server_config(cli({"--http-threads", "6", "--threads", "3"}), env_of({}), 2);
    CHECK(both.threads == 3);
    const auto no_cores = news::load_server_config(cli({}), env_of({}), 0);
    CHECK(no_cores.http_threads == 1);
    CHECK(no_cores.threads == 1);
}

TEST_CASE("server config: the checked-in config file parses and matches the defaults") {
    news::ServerConfig from_file;
    news::apply_config_file(from_file, NEWS_SOURCE_DIR "/config/server.json");
    CHECK(news::to_json(from_file) == news::to_json(news::ServerConfig{}));
}

TEST_CASE("server config: flags override environment, which overrides the file") {
    const TempServerConfig file(
        R"({"port": 9000, "bind": "0.0.0.0", "index": "/from/file", "threads": 3,
            "http_poll_us": 50, "search": {"article_cache_mb": 16},
            "log": {"level": "warn"}, "cors": {"allowed_origins": ["https://a.example"]}})");
    const std::string& path = file.path;
    const auto env = env_of({{"SEARCH_PORT", "9100"}, {"SEARCH_INDEX", "/from/env"}});

    auto cfg = news::load_server_config(cli({"--config", path}), env, 2);
    CHECK(cfg.port == 9100);              // env over file
    CHECK(cfg.index_dir == "/from/env");  // env over file
    CHECK(cfg.bind == "0.0.0.0");         // file over default
    CHECK(cfg.threads == 3);
    CHECK(cfg.http_poll_us == 50);
    CHECK(cfg.article_cache_mb == 16);
    CHECK(cfg.log_level == "warn");
    CHECK(cfg.cors_origins == std::vector<std::string>{"https://a.example"});

    cfg = news::load_server_config(cli({"--config", path, "--port=9200", "--index", "/from/flag"}),
                                   env, 2);
    CHECK(cfg.port == 9200);
    CHECK(cfg.index_dir == "/from/flag");
    cfg = news::load_server_config(cli({"--config", path, "--http-poll-us", "0"}), env, 2);
    CHECK(cfg.http_poll_us == 0);

    // SEARCH_CONFIG names the file when --config is absent.
    cfg = news::load_server_config(cli({}), env_of({{"SEARCH_CONFIG", path}}), 2);
    CHECK(cfg.port == 9000);
}

TEST_CASE("server config: every environment variable is read") {
    const auto cfg = news::load_server_config(
        cli({}),
        env_of({{"SEARCH_BIND", "0.0.0.0"},
                {"SEARCH_WEB_DIR", "/srv/web"},
                {"SEARCH_THREADS", "6"},
                {"SEARCH_HTTP_THREADS", "50"},
                {"SEARCH_HTTP_POLL_US", "0"},
                {"SEARCH_ARTICLE_CACHE_MB", "0"},
                {"SEARCH_LOG_LEVEL", "debug"},
                {"SEARCH_LOG_FORMAT", "json"},
                {"SEARCH_ACCESS_LOG", "false"},
                {"SEARCH_COMPRESSION", "false"},
                {"SEARCH_CORS_ORIGINS", "https://a.example, https://b.example"},
                {"SEARCH_RATE_LIMIT", "5"},
                {"SEARCH_RATE_BURST", "7"}}),
        2);
    CHECK(cfg.bind == "0.0.0.0");
    CHECK(cfg.web_dir == "/srv/web");
    CHECK(cfg.threads == 6);
    CHECK(cfg.http_threads == 50);
    CHECK(cfg.http_poll_us == 0);
    CHECK(cfg.article_cache_mb == 0);
    CHECK(cfg.log_level == "debug");
    CHECK(cfg.log_format == "json");
    CHECK_FALSE(cfg.access_log);
    CHECK_FALSE(cfg.compression);
    CHECK(cfg.cors_origins == std::vector<std::string>{"https://a.example", "https://b.example"});
    CHECK(cfg.rate_limit.enabled);
    CHECK(cfg.rate_limit.requests_per_second == 5.0);
    CHECK(cfg.rate_limit.burst == 7.0);
}

TEST_CASE(
    "server config: compression is on unless the file, the environment or a flag turns it off") {
    CHECK(news::ServerConfig{}.compression);
    CHECK_FALSE(news::load_server_config(cli({"--no-compression"}), env_of({}), 2).compression);
    CHECK(
        news::load_server_config(cli({}), env_of({{"SEARCH_COMPRESSION", "true"}}), 2).compression);
    news::ServerConfig from_json;
    news::apply_config_json(from_json, nlohmann::json{{"compression", false}});
    CHECK_FALSE(from_json.compression);
    CHECK_THROWS_AS(news::apply_config_json(from_json, nlohmann::json{{"compression", "no"}}),
                    std::invalid_argument);
    CHECK_THROWS_AS(news::load_server_config(cli({}), env_of({{"SEARCH_COMPRESSION", "maybe"}}), 2),
                    std::invalid_argument);
}

TEST_CASE("server config: repeated --cors-origin flags replace the configured list") {
    const auto cfg = news::load_server_config(
        cli({"--cors-origin", "https://x.example", "--cors-origin", "https://y.example"}),
        env_of({{"SEARCH_CORS_ORIGINS", "https://env.example"}}), 2);
    CHECK(cfg.cors_origins == std::vector<std::string>{"https://x.example", "https://y.example"});
}

TEST_CASE("server config: bad values are rejected with the name of the setting") {
    auto message_of = [](auto&& f) -> std::string {
        try {
            f();
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(message_of([] {
              news::load_server_config(cli({"--port", "70000"}), env_of({}), 1);
          }).find("--port") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({"--port", "80x"}), env_of({}), 1);
          }).find("--port") != std::string::npos);
    CHECK(message_of([] { cli({"--frobnicate"}); }).find("--frobnicate") != std::string::npos);
    CHECK(message_of([] { cli({"--index"}); }).find("needs a value") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({}), env_of({{"SEARCH_THREADS", "-1"}}), 1);
          }).find("SEARCH_THREADS") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({"--http-poll-us", "20000"}), env_of({}), 1);
          }).find("--http-poll-us") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({}), env_of({{"SEARCH_HTTP_POLL_US", "-5"}}), 1);
          }).find("SEARCH_HTTP_POLL_US") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({}), env_of({{"SEARCH_ARTICLE_CACHE_MB", "lots"}}), 1);
          }).find("SEARCH_ARTICLE_CACHE_MB") != std::string::npos);
    CHECK(message_of([] {
              news::load_server_config(cli({"--log-level", "loud"}), env_of({}), 1);
          }).find("log level") != std::string::npos);

    news::ServerConfig cfg;
    CHECK(message_of([&] {
              news::apply_config_json(cfg, nlohmann::json{{"prot", 1}});
          }).find("prot") != std::string::npos);
    CHECK(message_of([&] {
              news::apply_config_json(cfg, nlohmann::json{{"port", "8080"}});
          }).find("integer") != std::string::npos);
    CHECK(message_of([&] {
              news::apply_config_json(cfg,
                                      nlohmann::json{{"limits", {{"max_request_line", 100000}}}});
          }).find("max_request_line") != std::string::npos);
    CHECK(message_of([] {
              news::ServerConfig c;
              news::apply_config_file(c, "/nonexistent/server.json");
          }).find("/nonexistent/server.json") != std::string::npos);
    const TempServerConfig file("{ not json");
    CHECK(message_of([&] {
              news::ServerConfig c;
              news::apply_config_file(c, file.path);
          }).find("not valid JSON") != std::string::npos);
}

TEST_CASE("server config: mode flags") {
    CHECK(cli({"--help"}).mode == news::RunMode::Help);
    CHECK(cli({"-h"}).mode == news::RunMode::Help);
    CHECK(cli({"--healthcheck", "--port", "9"}).mode == news::RunMode::Healthcheck);
    CHECK(cli({"--version"}).mode == news::RunMode::Version);
    const auto help = news::help_text();
    for (const char* flag :
         {"--config", "--index", "--port", "--bind", "--web", "--threads", "--http-poll-us",
          "--healthcheck", "SEARCH_PORT", "SEARCH_INDEX", "SEARCH_BIND", "SEARCH_HTTP_POLL_US"}) {
        CHECK_MESSAGE(help.find(flag) != std::string::npos, flag);
    }
}

TEST_CASE("server text parsing: integers and booleans are strict") {
    CHECK(news::parse_integer("42", 0, 100) == 42);
    CHECK_FALSE(news::parse_integer("", 0, 100));
    CHECK_FALSE(news::parse_integer("4 2", 0, 100));
    CHECK_FALSE(news::parse_integer("101", 0, 100));
    CHECK_FALSE(news::parse_integer("+5", 0, 100));
    CHECK_FALSE(news::parse_integer("99999999999999999999999", 0, 100));
    CHECK(news::parse_bool("TRUE") == true);
    CHECK(news::parse_bool("off") == false);
    CHECK_FALSE(news::parse_bool("maybe"));
    CHECK(news::split_list(" a, ,b ,", ',') == std::vector<std::string>{"a", "b"});
}
