#include "options.hpp"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace peers {
namespace {

[[noreturn]] void usage(const std::string& engine, const std::string& error) {
    std::cerr << "bench peer " << engine << ": " << error << "\n"
              << "usage:\n"
              << "  index --corpus FILE --workdir DIR [--label 1x]\n"
              << "  query --workdir DIR --queries FILE [--concurrency C] [--seconds T]"
                 " [--warmup W] [--label 1x] [--check]\n"
              << "  stop  --workdir DIR   (server peers: stops a server left running)\n";
    std::exit(2);
}

double to_number(const std::string& engine, const std::string& flag, const std::string& value) {
    try {
        std::size_t used = 0;
        const double v = std::stod(value, &used);
        if (used != value.size() || v < 0) throw std::invalid_argument(value);
        return v;
    } catch (const std::exception&) {
        usage(engine, "bad number for " + flag + ": '" + value + "'");
    }
}

}  // namespace

Options parse_options(int argc, char** argv, const std::string& engine) {
    if (argc < 2) usage(engine, "missing command");
    Options o;
    o.command = argv[1];
    if (o.command != "index" && o.command != "query" && o.command != "stop")
        usage(engine, "unknown command '" + o.command + "'");
    for (int i = 2; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--check") {
            o.check = true;
            continue;
        }
        if (i + 1 >= argc) usage(engine, "missing value for " + flag);
        const std::string value = argv[++i];
        if (flag == "--corpus")
            o.corpus = value;
        else if (flag == "--workdir")
            o.workdir = value;
        else if (flag == "--queries")
            o.queries = value;
        else if (flag == "--label")
            o.label = value;
        else if (flag == "--concurrency")
            o.concurrency = static_cast<int>(to_number(engine, flag, value));
        else if (flag == "--seconds")
            o.seconds = to_number(engine, flag, value);
        else if (flag == "--warmup")
            o.warmup = to_number(engine, flag, value);
        else
            usage(engine, "unknown option " + flag);
    }
    if (o.workdir.empty()) usage(engine, "--workdir is required");
    if (o.command == "index" && o.corpus.empty()) usage(engine, "--corpus is required");
    if (o.command == "query" && o.queries.empty()) usage(engine, "--queries is required");
    if (o.concurrency < 1 || o.concurrency > 256) usage(engine, "--concurrency must be 1..256");
    if (o.seconds <= 0 || o.seconds > 3600) usage(engine, "--seconds must be in (0, 3600]");
    if (o.warmup > 600) usage(engine, "--warmup must be at most 600");
    return o;
}

}  // namespace peers
