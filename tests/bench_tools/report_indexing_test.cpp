// The report's indexing section and targets with the raw-pages row (tools/make_pages): the row is
// shown beside the feed's, as a ratio to it, and never stands in for it in a target.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "report/records.hpp"
#include "report/sections.hpp"
#include "report/targets.hpp"

namespace {

std::string index_record(const std::string& engine, double articles_per_s) {
    std::ostringstream s;
    s << R"({"kind":"index","corpus":"1x","engine":")" << engine
      << R"(","articles":21996,"seconds":5,"articles_per_s":)" << articles_per_s
      << R"(,"mb_per_s":5,"peak_rss_mb":190,"index_mb":97})"
      << "\n";
    return s.str();
}

bench::report::Records read_lines(const std::string& lines) {
    std::istringstream in(lines);
    return bench::report::read_records(in);
}

std::string indexing_section(const bench::report::Records& r) {
    std::ostringstream out;
    bench::report::write_indexing(out, r);
    return out.str();
}

std::string verdict_and_figure(const bench::report::Records& r, const std::string& target) {
    const auto targets = bench::report::check_targets(r);
    const auto it = std::find_if(targets.begin(), targets.end(),
                                 [&](const auto& t) { return t.target == target; });
    REQUIRE(it != targets.end());
    return it->verdict + " " + it->measured;
}

}  // namespace

TEST_CASE("report: the raw-pages row stands beside the feed's and is explained") {
    using bench::report::kOursIndexer;
    using bench::report::kOursIndexerPages;
    const auto both =
        read_lines(index_record(kOursIndexer, 4100) + index_record(kOursIndexerPages, 3075));
    const auto section = indexing_section(both);
    CHECK(section.find("| 1x | " + std::string(kOursIndexerPages) +
                       " | 21,996 | 5.00 | 3,075 | 0.75× |") != std::string::npos);
    CHECK(section.find("as scraped pages") != std::string::npos);
    CHECK(verdict_and_figure(both, "indexing ≥ 4,000 articles/s on 1x") == "PASS 4,100");

    const auto pages_only = read_lines(index_record(kOursIndexerPages, 4500));
    CHECK(verdict_and_figure(pages_only, "indexing ≥ 4,000 articles/s on 1x").find("PASS") != 0);
    const auto feed_only = read_lines(index_record(kOursIndexer, 4100));
    CHECK(indexing_section(feed_only).find("as scraped pages") == std::string::npos);
}
