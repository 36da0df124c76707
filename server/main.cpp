// The `server` binary: parse the settings, then serve (or answer --help, --healthcheck ...).

#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>
#include <vector>

#include "server/app.hpp"
#include "server/cli_args.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    bool healthcheck = false;
    try {
        const auto cli = news::parse_cli(args);
        healthcheck = cli.mode == news::RunMode::Healthcheck;
        if (cli.mode == news::RunMode::Help) {
            std::fputs(news::help_text().c_str(), stdout);
            return 0;
        }
        if (cli.mode == news::RunMode::Version) {
            std::puts("news-search server " NEWS_VERSION);
            return 0;
        }
        const auto cfg =
            news::load_server_config(cli, news::process_env(), std::thread::hardware_concurrency());
        if (cli.mode == news::RunMode::PrintConfig) {
            std::puts(news::to_json(cfg).dump(2).c_str());
            return 0;
        }
        if (cli.mode == news::RunMode::Healthcheck) return news::run_healthcheck(cfg);
        return news::run_server(cfg);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "server: %s\n", e.what());
        // Container health checks treat 1 as unhealthy; 2 is reserved there.
        return healthcheck ? 1 : 2;
    }
}
