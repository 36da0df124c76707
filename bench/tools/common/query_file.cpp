#include "common/query_file.hpp"

#include <fstream>
#include <stdexcept>

namespace bench {

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read queries from " + path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) queries.push_back(line);
    }
    if (queries.empty()) throw std::runtime_error("no query in " + path);
    return queries;
}

}  // namespace bench
