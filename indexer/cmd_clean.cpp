#include <cstdio>

#include "indexer/commands.hpp"

namespace news::cli {

// Placeholder until the clean command lands; it fails loudly rather than pretending to work.
int run_clean(std::span<const std::string_view>) {
    std::fputs("indexer clean: not implemented yet\n", stderr);
    return 2;
}

}  // namespace news::cli
