#pragma once
// Reads the benchmark queries: one per line, blank lines skipped, kept exactly as typed
// (quoted phrases included) so every engine receives the same text.

#include <string>
#include <vector>

namespace bench {

// Throws std::runtime_error when the file cannot be read or holds no query.
std::vector<std::string> read_queries(const std::string& path);

}  // namespace bench
