#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/clean/page_cleaner.hpp"
#include "indexer/commands.hpp"

namespace news::cli {
namespace {

constexpr const char* kHelp =
    "usage: indexer clean FILE\n"
    "\n"
    "Prints the cleaned article(s) of one raw page as JSON: {\"articles\": [...]}.\n"
    "The page's own story comes first, then each complete story of its Related Articles block.\n";

}  // namespace

int run_clean(std::span<const std::string_view> args) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (args.size() != 1) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    const std::string path(args[0]);
    // A directory opens as a stream and reads as nothing: it would print no articles, not an error.
    if (std::error_code ec; std::filesystem::is_directory(path, ec)) {
        std::fprintf(stderr,
                     "indexer clean: %s is a directory; give one page (indexer index takes "
                     "directories)\n",
                     path.c_str());
        return 2;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "indexer clean: cannot read %s\n", path.c_str());
        return 2;
    }
    std::ostringstream raw;
    raw << in.rdbuf();
    const auto slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const nlohmann::json out = {{"articles", clean_page(raw.str(), name)}};
    std::cout << out.dump(2) << '\n';
    return 0;
}

}  // namespace news::cli
