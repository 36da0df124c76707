// Pseudo-relevance feedback (core/search/ranking.hpp): which queries get it, and what it adds.
#include "core/search/ranking.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/index/index_writer.hpp"
#include "core/search/searcher.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

Xapian::Query words_or(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> q;
    for (const auto& t : terms) q.emplace_back(t);
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

Xapian::Document doc(const std::vector<std::string>& terms) {
    Xapian::Document d;
    for (const auto& t : terms) d.add_term(t);
    return d;
}

// The written words of the fixtures below, as the spelling table would hold them.
const news::Vocabulary& written() {
    static const news::Vocabulary words({"heat", "conduction", "slab", "slabs", "laminate",
                                         "laminated", "plate", "wing", "flutter"});
    return words;
}

bool matches(const Xapian::Database& db, const Xapian::Query& q, Xapian::docid did) {
    Xapian::Enquire e(db);
    e.set_query(q);
    const Xapian::MSet m = e.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (*it == did) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("feedback is for questions of four or more plain words") {
    const std::string text = "heat conduction composite slabs";
    CHECK(news::wants_feedback(words_or({"Zheat", "Zconduct", "Zcomposit", "Zslab"}), text));
    CHECK_FALSE(news::wants_feedback(words_or({"Zheat", "Zconduct", "Zslab"}), "heat conduction"));
    // A repeated word counts once.
    CHECK_FALSE(news::wants_feedback(words_or({"Zmateri", "Zproperti", "Zmateri", "Zslab"}), text));
    // Nested ORs (the parser groups by punctuation) and hyphenated words (phrases) are still words.
    const std::vector<Xapian::Query> real_gas{Xapian::Query("Zreal"), Xapian::Query("Zgas")};
    const Xapian::Query hyphen(Xapian::Query::OP_PHRASE, real_gas.begin(), real_gas.end());
    const Xapian::Query nested(Xapian::Query::OP_OR, words_or({"Ztransport", "Zair"}),
                               Xapian::Query(Xapian::Query::OP_OR, hyphen, Xapian::Query("Zflow")));
    CHECK(news::wants_feedback(nested, "real-gas transport air flow"));
}

TEST_CASE("precise requests get no feedback") {
    const Xapian::Query four = words_or({"Zheat", "Zconduct", "Zcomposit", "Zslab"});
    CHECK_FALSE(news::wants_feedback(four, "\"heat conduction\" composite slabs"));
    CHECK_FALSE(news::wants_feedback(four, "heat conduct* composite slabs"));
    CHECK_FALSE(news::wants_feedback(words_or({"Zheat", "ZSconduct", "Zcomposit", "Zslab"}),
                                     "heat title:conduction composite slabs"));
    CHECK_FALSE(news::wants_feedback(
        Xapian::Query(Xapian::Query::OP_AND_NOT, four, Xapian::Query("Zsteel")),
        "heat conduction composite slabs -steel"));
    CHECK_FALSE(news::wants_feedback(Xapian::Query("Zheat"), "heat"));
}

TEST_CASE("feedback adds the words the best matches share, below the user's own") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Three matches share "laminate" and its title form; a fourth article has only those.
    for (int i = 0; i < 3; ++i) {
        db.add_document(doc({"Zheat", "Zconduct", "Zslab", "Zlaminat", "ZSlaminat",
                             "Zfiller" + std::to_string(i)}));
    }
    const Xapian::docid only_expansion = db.add_document(doc({"Zlaminat", "ZSlaminat", "Zplate"}));
    for (int i = 0; i < 20; ++i)
        db.add_document(doc({"Zwing", "Zflutter", "Zother" + std::to_string(i)}));

    const Xapian::Query q = words_or({"Zheat", "Zconduct", "Zslab", "Zcomposit"});
    REQUIRE_FALSE(matches(db, q, only_expansion));
    const Xapian::Query expanded = news::with_feedback(db, q, Xapian::Query(), written());
    CHECK(matches(db, expanded, only_expansion));

    Xapian::Enquire e(db);
    e.set_query(expanded);
    const Xapian::MSet m = e.get_mset(0, 10);
    REQUIRE(m.size() == 4);
    CHECK(*m[3] == only_expansion);  // the user's words still rank first

    // A filter that keeps out the matches leaves nothing to learn from.
    const Xapian::Query none = news::with_feedback(db, q, Xapian::Query("Zwing"), written());
    CHECK(none.get_description() == q.get_description());
}

TEST_CASE("feedback never adds a term no written word stems to") {
    // The joined form of "boundary-layer" (core/text/compounds.hpp) is in every match, with no
    // word of the text behind it; "laminate" is a written word.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 3; ++i) {
        db.add_document(doc({"Zheat", "Zconduct", "Zslab", "Zboundarylay", "Zlaminat"}));
    }
    for (int i = 0; i < 20; ++i) db.add_document(doc({"Zwing", "Zflutter"}));
    const Xapian::Query q = words_or({"Zheat", "Zconduct", "Zslab", "Zcomposit"});
    const Xapian::Query expanded = news::with_feedback(db, q, Xapian::Query(), written());
    const std::set<std::string> terms(expanded.get_unique_terms_begin(),
                                      expanded.get_unique_terms_end());
    CHECK(terms.contains("Zlaminat"));
    CHECK_FALSE(terms.contains("Zboundarylay"));
}

TEST_CASE("a query that matches nothing is returned unchanged") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(doc({"Zwing"}));
    const Xapian::Query q = words_or({"Zheat", "Zconduct", "Zslab", "Zcomposit"});
    CHECK(news::with_feedback(db, q, Xapian::Query(), written()).get_description() ==
          q.get_description());
}

namespace {

news::Article article(std::string id, std::string title, std::string body) {
    news::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.paragraphs = {std::move(body)};
    a.origin = "ranking.jsonl";
    return a;
}

// Three articles answer the question and share a word it does not use ("laminate"); a fourth
// has that word only.
const std::string& feedback_index() {
    static const news::testing::ScratchPath dir("news-ranking-test");
    static const std::string path = [] {
        news::IndexWriterOptions options;
        options.db_path = dir.string();
        news::IndexWriter writer(options);
        writer.begin_file("ranking.jsonl", "h1");
        writer.put(article("slab-1", "Heat conduction in a laminate slab",
                           "Transient heat conduction through a composite laminate slab of two "
                           "layers is solved exactly for a step in surface temperature."));
        writer.put(article("slab-2", "Temperatures in composite laminate walls",
                           "Heat conduction in composite slabs and laminate walls with contact "
                           "resistance between the layers, by Laplace transforms."));
        writer.put(article("slab-3", "Laminate panels under heating",
                           "Numerical study of conduction of heat across composite laminate "
                           "slabs heated on one face, compared with tests on panels."));
        writer.put(article("laminate-only", "Buckling of laminate plates",
                           "Orthotropic laminate plates buckle under edge compression."));
        for (int i = 0; i < 8; ++i) {
            writer.put(article("wing-" + std::to_string(i),
                               "Wing flutter note " + std::to_string(i),
                               "Flutter of swept wings at transonic speed, case " +
                                   std::to_string(i) + " of the series on aeroelastic models."));
        }
        writer.end_file();
        writer.commit();
        return dir.string();
    }();
    return path;
}

std::vector<std::string> hit_ids(const news::QueryPairs& pairs) {
    news::Searcher s({feedback_index(), {}});
    const auto response = s.search(news::parse_search_params(pairs, {}));
    std::vector<std::string> out;
    for (const auto& h : response["hits"]) out.push_back(h["id"]);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("a long question finds what its best matches are about, after them") {
    const auto ids = hit_ids({{"q", "heat conduction in composite slabs"}});
    REQUIRE(contains(ids, "laminate-only"));
    CHECK(ids.back() == "laminate-only");
    CHECK(contains(ids, "slab-1"));
}

TEST_CASE("no feedback for short queries, exact phrases or a sort by date") {
    CHECK_FALSE(contains(hit_ids({{"q", "composite slabs"}}), "laminate-only"));
    CHECK_FALSE(
        contains(hit_ids({{"q", "\"heat conduction\" in composite slabs"}}), "laminate-only"));
    CHECK_FALSE(contains(hit_ids({{"q", "heat conduction in composite slabs"}, {"sort", "date"}}),
                         "laminate-only"));
}
