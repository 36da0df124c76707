// The counting pass must agree with a count made the slow, obvious way: every match read, its
// source and cluster values looked at.
#include "core/search/match_counter.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/index/schema.hpp"
#include "core/search/date_buckets.hpp"

namespace {

namespace schema = news::schema;

Xapian::WritableDatabase make_db() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* sources[] = {"Reuters", "BBC News", "", "Reuters"};
    for (int i = 0; i < 40; ++i) {
        Xapian::Document doc;
        doc.add_term(i % 2 == 0 ? "even" : "odd");
        doc.add_term("all");
        if (i % 3 == 0) doc.add_term("third");
        if (const std::string s = sources[i % 4]; !s.empty()) doc.add_value(schema::kSlotSource, s);
        // Every fifth article undated; the others in January to March 2024 by i % 3, and one in
        // 1999 (a day count of the date slot, as the index writer stores it).
        if (i % 5 != 4) {
            const int days = i == 38 ? 10'592 : 19'723 + 31 * (i % 3);  // 1999-01-01; 2024-01-01 on
            doc.add_value(schema::kSlotDate, Xapian::sortable_serialise(days));
        }
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
    // Members of each pair, in docid order: articles 0-9 are docids 1-10.
    for (std::uint32_t c = 0; c < 5; ++c) {
        const auto& m = tables.members(c);
        REQUIRE(m.size() == 2);
        CHECK(m[1] == m[0] + 1);
        CHECK(tables.cluster_of(m[0]) == c);
        CHECK(tables.cluster_of(m[1]) == c);
        CHECK(m[0] % 2 == 1);
    }
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

namespace {

Counts counted(const news::MatchCounter& counter) {
    Counts out{counter.matches(), counter.collapsed(), {}};
    for (const auto& f : counter.sources(100)) {
        out.sources[f["value"].get<std::string>()] = f["count"].get<std::size_t>();
    }
    return out;
}

Xapian::Query both(const char* a, const char* b) {
    return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(a), Xapian::Query(b));
}

}  // namespace

TEST_CASE("direct counting agrees with Xapian's counting pass for terms and ANDs of terms") {
    const auto db = make_db();
    const news::RevisionTables tables(db);
    const std::vector<Xapian::Query> queries{
        Xapian::Query("even"),
        Xapian::Query("absent"),
        both("even", "third"),
        both("odd", "third"),
        both("third", "absent"),
        Xapian::Query(Xapian::Query::OP_AND, both("all", "third"),
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("even"), 3.0)),
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), Xapian::Query("odd")),
        Xapian::Query::MatchAll,
    };
    for (const auto& q : queries) {
        CAPTURE(q.get_description());
        news::MatchCounter direct(tables), pass(tables);
        REQUIRE(news::count_directly(db, q, direct));
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.add_matchspy(&pass);
        enquire.get_mset(0, 0, db.get_doccount());
        const auto a = counted(direct), b = counted(pass);
        CHECK(a.matches == b.matches);
        CHECK(a.collapsed == b.collapsed);
        CHECK(a.sources == b.sources);
    }
    news::MatchCounter check(tables);
    REQUIRE(news::count_directly(db, both("even", "third"), check));
    CHECK(check.matches() == 7);  // 0, 6, ..., 36
}

TEST_CASE("direct counting declines other queries and counts nothing") {
    const auto db = make_db();
    const news::RevisionTables tables(db);
    for (const auto& q :
         {Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("even"), Xapian::Query("third")),
          Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("all"), Xapian::Query("third")),
          Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("even"), Xapian::Query("all"))}) {
        news::MatchCounter counter(tables);
        CHECK_FALSE(news::count_directly(db, q, counter));
        CHECK(counter.matches() == 0);
    }
}

namespace {

// Months counted the slow way: every match read; when collapsing, each cluster once, at its
// first dated article.
std::map<std::string, std::size_t> slow_months(const Xapian::Database& db, const std::string& term,
                                               bool collapse) {
    std::map<std::string, std::size_t> out;
    std::set<std::string> clusters;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto doc = db.get_document(*it);
        const std::string value = doc.get_value(schema::kSlotDate);
        if (value.empty()) continue;
        if (!clusters.insert(doc.get_value(schema::kSlotCluster)).second && collapse) continue;
        const auto days = static_cast<long>(Xapian::sortable_unserialise(value));
        const int month = *news::day_month(days);
        char key[32];
        std::snprintf(key, sizeof key, "%04d-%02d", month / 12, month % 12 + 1);
        ++out[key];
    }
    return out;
}

}  // namespace

TEST_CASE("match counter: results per month equal a full read, one per cluster when collapsing") {
    const auto db = make_db();
    const news::RevisionTables tables(db);
    REQUIRE(tables.date_span());
    CHECK(tables.date_span()->first == 10'592);
    CHECK(tables.date_span()->last == 19'723 + 62);
    CHECK(tables.date_span()->articles == 32);  // 39 articles, 7 of them undated
    for (const bool collapse : {false, true}) {
        for (const std::string term : {"even", "odd", "third", "all"}) {
            CAPTURE(collapse);
            CAPTURE(term);
            news::MatchCounter counter(tables, collapse);
            REQUIRE(news::count_directly(db, Xapian::Query(term), counter));
            // Only "even" and "all" hold the 1999 article: 26 years from it to 2024, so their
            // buckets are decades; the others' are months.
            std::map<std::string, std::size_t> months;
            for (const auto& b : counter.published()) {
                const std::string value = b["value"].get<std::string>();
                months[value] = b["count"].get<std::size_t>();
            }
            auto expected = slow_months(db, term, collapse);
            REQUIRE(!expected.empty());
            if (expected.begin()->first.substr(0, 4) != expected.rbegin()->first.substr(0, 4)) {
                CHECK((term == "even" || term == "all"));
                std::map<std::string, std::size_t> decades;
                for (const auto& [m, n] : expected) decades[m.substr(0, 3) + "0s"] += n;
                expected = decades;
            }
            CHECK(months == expected);
        }
    }
    news::MatchCounter all(tables, true);
    REQUIRE(news::count_directly(db, Xapian::Query("all"), all));
    std::size_t dated = 0;
    for (const auto& b : all.published()) dated += b["count"].get<std::size_t>();
    // Of the pairs, (0,1), (2,3) and (6,7) are dated on both sides; 4 and 9 are undated, so 5
    // and 8 stand for their pairs.
    CHECK(dated == 32 - 3);
}

TEST_CASE("match counter: an index without dates has no span and no date buckets") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("word");
    db.add_document(doc);
    const news::RevisionTables tables(db);
    CHECK_FALSE(tables.date_span());
    news::MatchCounter counter(tables);
    REQUIRE(news::count_directly(db, Xapian::Query("word"), counter));
    CHECK(counter.matches() == 1);
    CHECK(counter.published() == nlohmann::json::array());
}
