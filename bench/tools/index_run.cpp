// Indexes a JSON Lines corpus, or a directory of raw pages (tools/make_pages), with the project's
// indexer into a fresh directory and prints the JSON index line shared with the peers' harnesses:
// {"engine","corpus","kind":"index","articles","seconds","articles_per_s","mb_per_s",
//  "peak_rss_mb","index_mb"}. As in the peers' harnesses: mb_per_s and index_mb count 10^6 bytes,
// index_mb the blocks allocated on disk (as du does), peak_rss_mb is ru_maxrss in MiB.
//
// For raw pages "articles" counts the pages, and the engine is kOursIndexerPages.
//
// usage: index_run --indexer build/bin/indexer --corpus FILE|DIR --workdir DIR --label 1x

#include <sys/stat.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/child_process.hpp"
#include "common/cli.hpp"
#include "report/records.hpp"

namespace fs = std::filesystem;

namespace {

struct CorpusSize {
    std::size_t articles = 0;  // records of a feed, pages of a directory
    std::uintmax_t bytes = 0;
};

CorpusSize feed_size(const fs::path& feed) {
    std::ifstream in(feed);
    if (!in) throw std::runtime_error("cannot read " + feed.string());
    CorpusSize size;
    for (std::string line; std::getline(in, line);) size.articles += line.empty() ? 0 : 1;
    size.bytes = fs::file_size(feed);
    return size;
}

CorpusSize pages_size(const fs::path& dir) {
    CorpusSize size;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
        ++size.articles;
        size.bytes += e.file_size();
    }
    if (size.articles == 0) throw std::runtime_error("no .txt page in " + dir.string());
    return size;
}

double disk_mb(const fs::path& dir) {
    std::uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        struct stat st {};
        if (e.is_regular_file() && ::stat(e.path().c_str(), &st) == 0) {
            bytes += static_cast<std::uintmax_t>(st.st_blocks) * 512;
        }
    }
    return static_cast<double>(bytes) / 1e6;
}

double round1(double v) {
    return std::round(v * 10) / 10;
}

}  // namespace

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv, {"--indexer", "--corpus", "--workdir", "--label"});
    const fs::path corpus = args.required("--corpus");
    const fs::path db = fs::path(args.required("--workdir")) / "index";
    fs::remove_all(db);  // always a full build, never an incremental no-op
    fs::create_directories(db.parent_path());

    const bool pages = fs::is_directory(corpus);
    const auto size = pages ? pages_size(corpus) : feed_size(corpus);
    const auto articles = size.articles;
    const auto mb = static_cast<double>(size.bytes) / 1e6;
    const auto usage = bench::run_measured(
        {args.required("--indexer"), "index", "--db", db.string(), "--quiet", corpus.string()});
    if (usage.exit_code != 0) {
        throw std::runtime_error("the indexer exited with status " +
                                 std::to_string(usage.exit_code));
    }
    const nlohmann::json line = {
        {"engine", pages ? bench::report::kOursIndexerPages : bench::report::kOursIndexer},
        {"corpus", args.str("--label", "1x")},
        {"kind", "index"},
        {"articles", articles},
        {"seconds", std::round(usage.seconds * 1000) / 1000},
        {"articles_per_s", round1(static_cast<double>(articles) / usage.seconds)},
        {"mb_per_s", round1(mb / usage.seconds)},
        {"peak_rss_mb", round1(usage.peak_rss_mb)},
        {"index_mb", round1(disk_mb(db))},
        {"client_cpu_s", std::round(usage.cpu_seconds * 100) / 100}};  // as the peers name it
    std::cout << line.dump() << std::endl;
    return 0;
} catch (const std::exception& e) {
    std::cerr << "index_run: " << e.what() << "\n";
    return 2;
}
