// What the query language means, checked as set relations over the bundled corpus: the fuzzers
// prove that no query crashes, not that `-x` leaves out exactly the articles `x` finds.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/ingest/ingest.hpp"
#include "core/search/search_params.hpp"
#include "core/search/searcher.hpp"
#include "tests/unit/bundled_index_options.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

using Articles = std::set<std::string>;

const std::string& corpus_index() {
    static const news::testing::ScratchPath dir("news-query-semantics-test");
    static const std::string path = [] {
        news::IndexWriter writer(news::testing::bundled_index_options(dir.path()));
        const std::vector<std::string> inputs{NEWS_CORPUS_DIR};
        const auto result = news::ingest_inputs(writer, inputs, {});
        writer.commit();
        REQUIRE(result.skipped() == 0);
        return dir.string();
    }();
    return path;
}

// Every article `q` finds: all of them on one page, copies not collapsed, AND without the
// adaptive fallback to OR (which would widen a set these relations compare).
Articles found(const std::string& q) {
    news::Searcher searcher({corpus_index(), {}});
    const auto r = searcher.search(news::parse_search_params(
        {{"q", q}, {"op", "and"}, {"collapse", "false"}, {"per_page", "100"}}, {}));
    Articles out;
    for (const auto& h : r.at("hits")) out.insert(h.at("id").get<std::string>());
    CHECK(out.size() == r.at("total").at("estimated").get<std::size_t>());
    return out;
}

bool disjoint(const Articles& a, const Articles& b) {
    return std::none_of(a.begin(), a.end(), [&](const std::string& id) { return b.contains(id); });
}

bool subset(const Articles& a, const Articles& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

Articles joined(const Articles& a, const Articles& b) {
    Articles out = a;
    out.insert(b.begin(), b.end());
    return out;
}

const std::vector<std::string> kProbeWords = {"Foxconn", "Nissan", "China",
                                              "beef",    "Trump",  "electric"};

}  // namespace

TEST_CASE("query semantics: -x and NOT x find exactly the articles x does not") {
    const Articles all = found("");
    REQUIRE(all.size() > 5);
    for (const auto& w : kProbeWords) {
        CAPTURE(w);
        const Articles with = found(w);
        const Articles without = found("-" + w);
        REQUIRE(!with.empty());
        CHECK(with != all);  // each word leaves some article out, so the checks below can fail
        CHECK(disjoint(with, without));
        CHECK(joined(with, without) == all);
        CHECK(found("NOT " + w) == without);
    }
}

TEST_CASE("query semantics: narrowing never widens") {
    for (const auto& w : kProbeWords) {
        CAPTURE(w);
        const Articles with = found(w);
        CHECK(subset(found("title:" + w), with));
        CHECK(subset(found(w + " Japan"), with));
        CHECK(subset(found(w + " AND Japan"), found("Japan")));
        const Articles but = found(w + " NOT Japan");
        CHECK(subset(but, with));
        CHECK(disjoint(but, found("Japan")));
        CHECK(found(w + " -Japan") == but);
        CHECK(subset(with, found(w + " OR Japan")));
    }
    CHECK(subset(found("\"Nissan Motor\""), found("Nissan Motor")));
}
