// The counting pass must agree with a count made the slow, obvious way: every match read, its
// source and cluster values looked at.
#include "core/search/match_counter.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <map>
#include <set>
#include <string>

#include "core/index/schema.hpp"

namespace {

namespace schema = news::schema;

Xapian::WritableDatabase make_db() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* sources[] = {"Reuters", "BBC News", "", "Reuters"};
    for (int i = 0; i < 40; ++i) {
        Xapian::Document doc;
        doc.add_term(i % 2 == 0 ? "even" : "odd");
        doc.add_term("all");
        if (const std::string s = sources[i % 4]; !s.empty()) doc.add_value(schema::kSlotSource, s);
        // Articles 0-9 form clusters of two (0,1), (2,3)...; the others stand alone.
        std::string key(i < 10 ? "c" : "own");
        key += std::to_string(i < 10 ? i / 2 : i);
        doc.add_value(schema::kSlotCluster, key);
        db.add_document(doc);
    }
    db.delete_document(40);  // a gap in the docids
    return db;
}

struct Counts {
    std::size_t matches = 0, collapsed = 0;
    std::map<std::string, std::size_t> sources;
};

Counts slow_counts(const Xapian::Database& db, const std::string& term) {
    Counts out;
    std::set<std::string> clusters;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto doc = db.get_document(*it);
        ++out.matches;
        if (clusters.insert(doc.get_value(schema::kSlotCluster)).second) ++out.collapsed;
        if (const auto s = doc.get_value(schema::kSlotSource); !s.empty()) ++out.sources[s];
    }
    return out;
}

Counts fast_counts(const Xapian::Database& db, const news::RevisionTables& tables,
                   const std::string& term) {
    news::MatchCounter counter(tables);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, db.get_doccount());
    Counts out{counter.matches(), counter.collapsed(), {}};
    for (const auto& f : counter.sources(100)) {
        out.sources[f["value"].get<std::string>()] = f["count"].get<std::size_t>();
    }
    return out;
}

}  // namespace

TEST_CASE("match counter: matches, collapsed total and source counts equal a full read") {
    const auto db = make_db();
    const news::RevisionTables tables(db);
    CHECK(tables.cluster_count() == 5);  // the singletons are no clusters
    for (const std::string term : {"even", "odd", "all"}) {
        CAPTURE(term);
        const auto slow = slow_counts(db, term);
        const auto fast = fast_counts(db, tables, term);
        CHECK(fast.matches == slow.matches);
        CHECK(fast.collapsed == slow.collapsed);
        CHECK(fast.sources == slow.sources);
    }
    CHECK(fast_counts(db, tables, "all").collapsed == 34);  // 39 articles, 5 pairs
}

TEST_CASE("match counter: sources listed by count, then by name, up to the limit") {
    const auto db = make_db();
    const news::RevisionTables tables(db);
    news::MatchCounter counter(tables);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, db.get_doccount());
    const auto all = counter.sources(10);
    REQUIRE(all.size() == 2);
    CHECK(all[0]["value"] == "Reuters");
    CHECK(all[0]["count"] == 19);  // 20, less the deleted docid 40
    CHECK(all[1]["value"] == "BBC News");
    CHECK(counter.sources(1).size() == 1);
}
