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
// adaptive fallback to OR (which would widen a set these relations compare). `more` adds
// parameters (filters).
Articles found(const std::string& q, const news::QueryPairs& more = {}) {
    news::Searcher searcher({corpus_index(), {}});
    news::QueryPairs pairs{{"q", q}, {"op", "and"}, {"collapse", "false"}, {"per_page", "100"}};
    pairs.insert(pairs.end(), more.begin(), more.end());
    const auto r = searcher.search(news::parse_search_params(pairs, {}));
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

Articles intersected(const Articles& a, const Articles& b) {
    Articles out;
    for (const auto& id : a) {
        if (b.contains(id)) out.insert(id);
    }
    return out;
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

TEST_CASE("query semantics: a prefix finds at least what its word finds") {
    for (const auto& w : kProbeWords) {
        CAPTURE(w);
        for (std::size_t n = 3; n < w.size(); ++n) {
            CHECK(subset(found(w), found(w.substr(0, n) + "*")));
        }
    }
}

TEST_CASE("query semantics: the outlet filters split the index") {
    news::Searcher searcher({corpus_index(), {}});
    const auto facets = searcher.search(news::parse_search_params(
        {{"q", ""}, {"collapse", "false"}, {"per_page", "1"}}, {}))["facets"]["source"];
    REQUIRE(facets.size() >= 2);
    const Articles all = found("");
    Articles with_source;
    std::vector<std::string> names;
    for (const auto& f : facets) {
        const std::string name = f["value"].get<std::string>();
        CAPTURE(name);
        names.push_back(name);
        const Articles one = found("", {{"source", name}});
        CHECK(one.size() == f["count"].get<std::size_t>());
        CHECK(disjoint(one, with_source));  // an article has one outlet
        with_source = joined(with_source, one);
        for (const auto& w : kProbeWords) {
            CHECK(found(w, {{"source", name}}) == intersected(found(w), one));
        }
    }
    CHECK(subset(with_source, all));
    // Two outlets at once find either.
    CHECK(found("", {{"source", names[0]}, {"source", names[1]}}) ==
          joined(found("", {{"source", names[0]}}), found("", {{"source", names[1]}})));
    // The source: field finds within the outlet's articles.
    CHECK(subset(found("source:nikkei"), found("", {{"source", "Nikkei Asia"}})));
    CHECK_FALSE(found("source:nikkei").empty());
}
