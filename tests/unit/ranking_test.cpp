// Pseudo-relevance feedback (core/search/ranking.hpp): which queries get it, and what it adds.
#include "core/search/ranking.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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
    const Xapian::Query expanded = news::with_feedback(db, q, Xapian::Query());
    CHECK(matches(db, expanded, only_expansion));

    Xapian::Enquire e(db);
    e.set_query(expanded);
    const Xapian::MSet m = e.get_mset(0, 10);
    REQUIRE(m.size() == 4);
    CHECK(*m[3] == only_expansion);  // the user's words still rank first

    // A filter that keeps out the matches leaves nothing to learn from.
    const Xapian::Query none = news::with_feedback(db, q, Xapian::Query("Zwing"));
    CHECK(none.get_description() == q.get_description());
}

TEST_CASE("a query that matches nothing is returned unchanged") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(doc({"Zwing"}));
    const Xapian::Query q = words_or({"Zheat", "Zconduct", "Zslab", "Zcomposit"});
    CHECK(news::with_feedback(db, q, Xapian::Query()).get_description() == q.get_description());
}
