#include <cstdio>
#include <string_view>
#include <vector>

#include "indexer/commands.hpp"

namespace {

constexpr std::string_view kUsage =
    "usage: indexer COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  index --db DIR [--prune] [--config FILE] [--quiet] INPUT...\n"
    "                      index raw .txt pages and .jsonl, .json, RSS or Atom feeds\n"
    "  clean FILE          print the cleaned article(s) of one raw page as JSON\n"
    "  search --db DIR [--limit N] QUERY...\n"
    "                      print ranked results with snippets\n"
    "\n"
    "Run 'indexer COMMAND --help' for the options of a command.\n"
    "Exit status: 0 all indexed, 1 some inputs skipped, 2 fatal error.\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage.data(), args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const std::string_view command = args[0];
    std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
    if (command == "index") return news::cli::run_index(rest);
    if (command == "clean") return news::cli::run_clean(rest);
    if (command == "search") return news::cli::run_search(rest);
    std::fprintf(stderr, "indexer: unknown command '%.*s'\n\n%s", static_cast<int>(command.size()),
                 command.data(), kUsage.data());
    return 2;
}
