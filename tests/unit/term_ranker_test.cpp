// The one-walk ranker must give exactly what Xapian's matcher gives for the same query: the same
// articles in the same order, the same weights and percentages, the same counts, with and
// without collapsing duplicates, on any page.
#include "core/search/term_ranker.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <vector>

#include "core/index/schema.hpp"

namespace {

namespace schema = news::schema;

const std::vector<std::string> kWords = {"oil",   "price", "bank",  "rate",  "trade",
                                         "deal",  "stock", "crude", "yield", "gold",
                                         "wheat", "china", "japan", "union", "strike"};

// Articles of varied lengths and word counts. Some are exact copies of an earlier one (equal
// weights, so ties must break by docid as in Xapian), most belong to clusters of duplicates.
Xapian::WritableDatabase make_ranker_db() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::mt19937 rng(7);
    std::vector<Xapian::Document> made;
    for (int i = 0; i < 600; ++i) {
        Xapian::Document doc;
        if (i % 5 == 4 && !made.empty()) {
            doc = made[rng() % made.size()];
        } else {
            const int length = 3 + static_cast<int>(rng() % 40);
            for (int w = 0; w < length; ++w) {
                // A skewed choice: early words are common, later ones rare.
                const auto pick = std::min(rng() % kWords.size(), rng() % kWords.size());
                doc.add_term(kWords[pick]);
            }
            doc.add_boolean_term(i % 3 == 0 ? "Sreuters" : "Sbbc");
        }
        // Appended, not "c" + to_string(): GCC 12 at -O3 warns (-Wrestrict) on the latter.
        std::string cluster = "c";
        cluster += std::to_string(rng() % 150);
        doc.add_value(schema::kSlotCluster, cluster);
        if (i % 7 == 0) doc.add_value(schema::kSlotCluster, "");  // stands alone
        made.push_back(doc);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

struct Expected {
    std::vector<Xapian::docid> dids;
    std::vector<double> weights;
    std::vector<int> percents;
    Xapian::doccount matches = 0, collapsed = 0;
};

Expected with_xapian(const Xapian::Database& db, const Xapian::Query& query,
                     const Xapian::Query& filter, bool collapse, Xapian::doccount first,
                     Xapian::doccount wanted) {
    const Xapian::Query q =
        filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Expected out;
    out.matches = enquire.get_mset(0, db.get_doccount()).size();
    enquire.set_collapse_key(schema::kSlotCluster);
    out.collapsed = enquire.get_mset(0, db.get_doccount()).size();
    if (!collapse) enquire.set_collapse_key(Xapian::BAD_VALUENO);
    const Xapian::MSet mset = enquire.get_mset(first, wanted);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.dids.push_back(*it);
        out.weights.push_back(it.get_weight());
        out.percents.push_back(it.get_percent());
    }
    return out;
}

void check(const Xapian::Database& db, const news::RevisionTables& tables,
           const Xapian::Query& query, const Xapian::Query& filter) {
    const auto terms = news::as_term_query(query, filter);
    REQUIRE(terms);
    for (const bool collapse : {true, false}) {
        for (const auto& [first, wanted] : {std::pair{0u, 10u}, {0u, 1u}, {3u, 7u}, {20u, 10u}}) {
            CAPTURE(query.get_description());
            CAPTURE(filter.get_description());
            CAPTURE(collapse);
            CAPTURE(first);
            const Expected want = with_xapian(db, query, filter, collapse, first, wanted);
            news::MatchCounter counter(tables);
            const auto got = news::rank_terms(db, *terms, tables, counter, collapse, first, wanted);
            CHECK(counter.matches() == want.matches);
            CHECK(counter.collapsed() == want.collapsed);
            REQUIRE(got.size() == want.dids.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(got[i].did == want.dids[i]);
                CHECK(got[i].weight == want.weights[i]);
                CHECK(got[i].percent == want.percents[i]);
            }
        }
    }
}

}  // namespace

TEST_CASE("term ranker: same hits, weights, percentages and counts as Xapian's matcher") {
    const auto db = make_ranker_db();
    const news::RevisionTables tables(db);
    REQUIRE(tables.cluster_count() > 0);
    const Xapian::Query none;
    for (std::size_t a = 0; a < kWords.size(); ++a) {
        check(db, tables, Xapian::Query(kWords[a]), none);
        check(db, tables, Xapian::Query(kWords[a]), Xapian::Query("Sreuters"));
        for (std::size_t b = a + 1; b < kWords.size(); ++b) {
            const std::vector<Xapian::Query> two{Xapian::Query(kWords[a]),
                                                 Xapian::Query(kWords[b])};
            const Xapian::Query both(Xapian::Query::OP_AND, two.begin(), two.end());
            check(db, tables, both, none);
            check(db, tables, both, Xapian::Query("Sbbc"));
            const std::size_t c = (a + b) % kWords.size();
            if (c == a || c == b) continue;
            const std::vector<Xapian::Query> three{
                Xapian::Query(kWords[a]), Xapian::Query(kWords[b]), Xapian::Query(kWords[c])};
            check(db, tables, Xapian::Query(Xapian::Query::OP_AND, three.begin(), three.end()),
                  none);
        }
    }
}

TEST_CASE("term ranker: only an AND of distinct terms, filtered by terms, is taken") {
    const Xapian::Query a("alpha"), b("beta");
    CHECK(news::as_term_query(a, {}));
    CHECK(news::as_term_query(Xapian::Query(Xapian::Query::OP_AND, a, b), a));
    CHECK_FALSE(news::as_term_query(Xapian::Query(Xapian::Query::OP_OR, a, b), {}));
    CHECK_FALSE(news::as_term_query(Xapian::Query(Xapian::Query::OP_PHRASE, a, b), {}));
    CHECK_FALSE(news::as_term_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, a, 2.0), {}));
    CHECK_FALSE(news::as_term_query(Xapian::Query(Xapian::Query::OP_AND, a, a), {}));
    CHECK_FALSE(news::as_term_query(a, Xapian::Query(Xapian::Query::OP_OR, a, b)));
    CHECK_FALSE(news::as_term_query(Xapian::Query(), {}));
    CHECK_FALSE(news::as_term_query(Xapian::Query::MatchAll, {}));
}
