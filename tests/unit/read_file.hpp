#pragma once
// A whole file as bytes, for tests that read the corpus or golden files.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace news::testing {

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace news::testing
