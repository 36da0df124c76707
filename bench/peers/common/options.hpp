// Command line of every peer harness: `index` and `query` (and `stop` for server peers).
#pragma once

#include <string>

namespace peers {

struct Options {
    std::string command;  // index | query | stop
    std::string corpus;   // JSON Lines file (index)
    std::string workdir;  // where the engine keeps its index / data directory
    std::string queries;  // one query per line (query)
    std::string label = "1x";
    int concurrency = 1;
    double seconds = 10.0;
    double warmup = 2.0;
    bool check = false;  // print the top hits of a few queries to stderr
};

// Parses argv; prints usage and exits with status 2 on bad input.
Options parse_options(int argc, char** argv, const std::string& engine);

}  // namespace peers
