// A first run into an empty database builds the index in parallel blocks and merges them
// (core/index/bulk_build.hpp); every later run writes serially into the existing database. Both
// must leave the same index: the same docids, terms, positions, values, spelling table and
// metadata. This compares the two on an input of several blocks whose duplicates cross blocks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/index/index_writer.hpp"
#include "core/index/schema.hpp"
#include "tests/unit/bundled_index_options.hpp"
#include "tests/unit/document_terms.hpp"
#include "tests/unit/scratch_path.hpp"
#include "tests/unit/spelling_table.hpp"

namespace {

namespace fs = std::filesystem;

using news::testing::bundled_index_options;

// Articles of a few dozen words from a small vocabulary (British spellings included, so the
// normalisation and the spelling table have work). Every 40th article is a near copy of the one
// at half its position, which from 1,000 on lies in an earlier block, and every 40th from the
// 60th a first take of it (core/dedupe/lead_key.hpp).
std::vector<news::Article> make_articles(std::size_t n) {
    static const std::vector<std::string> words{
        "oil",     "prices",  "rose",     "fell",  "colour",  "programme", "bank",   "rates",
        "Nissan",  "Foxconn", "Oppama",   "plant", "workers", "organise",  "centre", "market",
        "shares",  "trade",   "minister", "talks", "harbour", "election",  "vote",   "growth",
        "economy", "profit",  "quarter",  "yen",   "dollar",  "exports",   "strike", "union"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1);
    std::vector<news::Article> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        news::Article a;
        a.id = "art-" + std::to_string(i);
        a.origin = "t.jsonl";
        if (i >= 40 && i % 40 == 0) {
            const news::Article& original = out[i / 2];
            a.title = original.title;
            a.paragraphs = original.paragraphs;
            a.paragraphs.back() += " Updated.";
        } else if (i >= 40 && i % 40 == 20) {
            // A first take of the one at half its position: its headline and first paragraph.
            a.title = out[i / 2].title;
            a.paragraphs = {out[i / 2].paragraphs.front()};
        } else {
            a.title = words[pick(rng)] + " " + words[pick(rng)] + " " + std::to_string(i);
            for (int p = 0; p < 2; ++p) {
                std::string text;
                for (int w = 0; w < 30; ++w) text += words[pick(rng)] + (w % 9 == 8 ? ". " : " ");
                a.paragraphs.push_back(text);
            }
        }
        if (i % 3 == 0) a.source = i % 2 == 0 ? "Reuters" : "BBC News";
        if (i % 5 == 0) a.authors = {"Jane Doe"};
        if (i % 7 == 0) a.published = "1987-03-" + std::to_string(10 + i % 19);
        out.push_back(std::move(a));
    }
    return out;
}

void index_run(const fs::path& dir, const std::string& file,
               const std::vector<news::Article>& articles) {
    auto options = bundled_index_options(dir);
    options.indexed_at = "2026-12-07T16:00:00Z";  // one time for both builds, whatever the clock
    news::IndexWriter writer(options);
    writer.begin_file(file, "hash-" + file);
    for (const auto& a : articles) writer.put(a);
    writer.end_file();
    writer.commit();
}

std::map<Xapian::valueno, std::string> values(const Xapian::Document& doc) {
    std::map<Xapian::valueno, std::string> out;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out[v.get_valueno()] = *v;
    return out;
}

}  // namespace

TEST_CASE("a fresh build in parallel blocks writes the index a serial run writes") {
    // Three blocks of the bulk build (1,000 articles each) and a part of one.
    const auto articles = make_articles(3'345);
    const news::testing::ScratchPath bulk_dir("news-bulk-test-bulk");
    const news::testing::ScratchPath serial_dir("news-bulk-test-serial");

    index_run(bulk_dir.path(), "t.jsonl", articles);  // empty database: the parallel build
    // A first run that records an empty file makes the database non-empty, so the second run
    // takes the serial path.
    index_run(serial_dir.path(), "seed.jsonl", {});
    index_run(serial_dir.path(), "t.jsonl", articles);

    const Xapian::Database bulk(bulk_dir.string());
    const Xapian::Database serial(serial_dir.string());
    REQUIRE(bulk.get_doccount() == articles.size());
    REQUIRE(serial.get_doccount() == articles.size());
    CHECK(bulk.get_lastdocid() == serial.get_lastdocid());

    std::size_t clustered = 0;  // documents whose cluster key is another article's id
    for (Xapian::docid id = 1; id <= articles.size(); ++id) {
        const auto b = bulk.get_document(id);
        const auto s = serial.get_document(id);
        // Docids are input positions in both.
        CHECK(b.get_value(news::schema::kSlotArticle)
                  .find("\"art-" + std::to_string(id - 1) + "\"") != std::string::npos);
        CHECK(news::testing::document_terms(b) == news::testing::document_terms(s));
        CHECK(values(b) == values(s));
        CHECK(b.get_data() == s.get_data());
        if (b.get_value(news::schema::kSlotCluster) != "art-" + std::to_string(id - 1)) ++clustered;
    }
    // The near copies and the takes joined their originals.
    CHECK(clustered >= 2 * (articles.size() / 40 - 1));

    const std::string words = news::testing::spelling_table(bulk);
    CHECK(std::count(words.begin(), words.end(), '\n') > 20);
    CHECK(words == news::testing::spelling_table(serial));
    CHECK(bulk.get_avlength() == serial.get_avlength());
    for (auto k = bulk.metadata_keys_begin(); k != bulk.metadata_keys_end(); ++k) {
        if (*k == news::schema::kMetaLastIndexed) continue;
        CHECK_MESSAGE(bulk.get_metadata(*k) == serial.get_metadata(*k), *k);
    }
    for (auto k = bulk.synonym_keys_begin(); k != bulk.synonym_keys_end(); ++k) {
        std::vector<std::string> b(bulk.synonyms_begin(*k), bulk.synonyms_end(*k));
        std::vector<std::string> s(serial.synonyms_begin(*k), serial.synonyms_end(*k));
        CHECK(b == s);
    }
}

TEST_CASE("flush threshold: a fresh build's shards flush every 250, a later run as configured") {
    // Xapian reads XAPIAN_FLUSH_THRESHOLD when a database opens; ctest does not set it, so the
    // writer's own settings are what this process sees.
    const news::testing::ScratchPath dir("news-bulk-test-flush");
    auto threshold = [] {
        const char* value = std::getenv("XAPIAN_FLUSH_THRESHOLD");
        return value ? std::string(value) : std::string("(unset)");
    };
    {
        news::IndexWriter writer(bundled_index_options(dir.path()));  // empty: the bulk build
        CHECK(threshold() == "250");
        writer.begin_file("a.jsonl", "a");
        writer.put(make_articles(3)[0]);
        writer.end_file();
        writer.commit();
    }
    auto options = bundled_index_options(dir.path());
    {
        news::IndexWriter writer(options);  // not empty: the serial path, 1,000 by default
        CHECK(threshold() == "1000");
    }
    options.flush_threshold = 0;  // Xapian's own default, not the bulk build's 250
    news::IndexWriter writer(options);
    CHECK(threshold() == "(unset)");
}
