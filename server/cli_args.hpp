#pragma once
// Command-line flags of the `server` binary and the layering of all settings:
// flags > SEARCH_* environment > config file (--config or SEARCH_CONFIG) > defaults.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/server_config.hpp"

namespace news {

enum class RunMode { Serve, Help, Version, Healthcheck, PrintConfig };

struct CliArgs {
    RunMode mode = RunMode::Serve;
    std::optional<std::string> config_path;
    std::vector<std::pair<std::string, std::string>> overrides;  // flag name -> value, in order
};

// Throws std::invalid_argument on an unknown flag or a missing value.
CliArgs parse_cli(std::span<const std::string_view> args);

// Applies the setting flags (everything but --config and the mode flags) over `cfg`.
void apply_flags(ServerConfig& cfg, const CliArgs& args);

// Defaults, then the config file, then the environment, then the flags; validated and resolved.
ServerConfig load_server_config(const CliArgs& args, const EnvLookup& env, unsigned cores);

std::string help_text();

}  // namespace news
