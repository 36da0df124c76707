#include <cstdio>

#include "indexer/commands.hpp"

namespace news::cli {

// Placeholder until the search command lands; it fails loudly rather than pretending to work.
int run_search(std::span<const std::string_view>) {
    std::fputs("indexer search: not implemented yet\n", stderr);
    return 2;
}

}  // namespace news::cli
