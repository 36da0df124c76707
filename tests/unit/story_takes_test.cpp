// A wire sends a story in takes under one headline: a short first take, then the full story.
// They open alike but share too little for MinHash's threshold; the lead key
// (core/dedupe/lead_key.hpp) makes them one duplicate cluster, in a fresh build and in a later
// run alike. Another story under the same headline and opening stays apart.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/index/index_writer.hpp"
#include "core/index/schema.hpp"
#include "tests/unit/bundled_index_options.hpp"
#include "tests/unit/distinct_sentences.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

using news::testing::distinct_sentences;

news::Article story(std::string id, std::string body) {
    news::Article a;
    a.id = std::move(id);
    a.title = "EUROPEAN MARKETS REACT QUIETLY TO G-7 COMMUNIQUE";
    a.paragraphs = {
        "ZURICH, April 9 - European currency markets reacted quietly to the G-7 "
        "communique, with comments ranging from disappointment to surprise.",
        std::move(body)};
    a.origin = "wire.jsonl";
    return a;
}

const news::Article kFull = story("full", distinct_sentences(0, 8) + distinct_sentences(100, 50));
const news::Article kOther = story("other", distinct_sentences(200, 50));
const news::Article kTake = story("take", distinct_sentences(0, 8));

void run(const std::filesystem::path& dir, const std::string& file,
         const std::vector<news::Article>& articles) {
    news::IndexWriter writer(news::testing::bundled_index_options(dir));
    writer.begin_file(file, "hash-" + file);
    for (const auto& a : articles) writer.put(a);
    writer.end_file();
    writer.commit();
}

std::string cluster(const Xapian::Database& db, const std::string& id) {
    const std::string term = std::string(news::schema::kId) + id;
    const auto p = db.postlist_begin(term);
    REQUIRE(p != db.postlist_end(term));
    return db.get_document(*p).get_value(news::schema::kSlotCluster);
}

void check_clusters(const Xapian::Database& db) {
    CHECK(cluster(db, "full") == "full");
    CHECK(cluster(db, "other") == "other");  // same headline and opening, another story
    CHECK(cluster(db, "take") == "full");
}

}  // namespace

TEST_CASE("story takes: one cluster in a fresh build") {
    const news::testing::ScratchPath dir("news-takes-fresh");
    run(dir.path(), "wire.jsonl", {kFull, kOther, kTake});
    check_clusters(Xapian::Database(dir.string()));
}

TEST_CASE("story takes: one cluster when the take comes in a later run") {
    const news::testing::ScratchPath dir("news-takes-later");
    run(dir.path(), "wire.jsonl", {kFull, kOther});
    run(dir.path(), "later.jsonl", {kTake});  // the earlier ones are read back from the index
    check_clusters(Xapian::Database(dir.string()));
}
