#pragma once
// One function per `indexer` sub-command; main.cpp only dispatches.
// Each takes the arguments after the command name and returns the process exit status.

#include <span>
#include <string_view>

namespace news::cli {

int run_index(std::span<const std::string_view> args);   // indexer/cmd_index.cpp
int run_clean(std::span<const std::string_view> args);   // indexer/cmd_clean.cpp
int run_search(std::span<const std::string_view> args);  // indexer/cmd_search.cpp

}  // namespace news::cli
