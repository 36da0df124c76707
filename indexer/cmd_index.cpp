#include <cstdio>

#include "indexer/commands.hpp"

namespace news::cli {

// Placeholder until the index command lands; it fails loudly rather than pretending to work.
int run_index(std::span<const std::string_view>) {
    std::fputs("indexer index: not implemented yet\n", stderr);
    return 2;
}

}  // namespace news::cli
