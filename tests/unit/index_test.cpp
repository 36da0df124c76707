// The index as the indexer writes it: normalisation pairs found both ways, synonyms, duplicate
// clusters on the bundled pages, JSON Lines parsing, incremental runs. Searches go through the
// real Searcher so that the index side and the query side are tested together.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/clean/page_cleaner.hpp"
#include "core/dedupe/cluster_index.hpp"
#include "core/dedupe/hash.hpp"
#include "core/dedupe/minhash.hpp"
#include "core/index/index_writer.hpp"
#include "core/index/schema.hpp"
#include "core/ingest/ingest.hpp"
#include "core/ingest/jsonl.hpp"
#include "core/search/searcher.hpp"
#include "core/text/normalize.hpp"
#include "tests/unit/bundled_index_options.hpp"
#include "tests/unit/read_file.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

namespace fs = std::filesystem;

using news::testing::bundled_index_options;
using news::testing::ScratchPath;

news::Article article(std::string id, std::string text) {
    news::Article a;
    a.id = std::move(id);
    a.title = "Report " + a.id;
    a.paragraphs = {std::move(text)};
    a.origin = "t.jsonl";
    return a;
}

// Indexes one article per text and returns the ids a query finds.
std::vector<std::string> find(const std::vector<std::pair<std::string, std::string>>& docs,
                              const std::string& query) {
    const ScratchPath dir("news-index-test-find");
    {
        news::IndexWriter writer(bundled_index_options(dir.path()));
        writer.begin_file("t.jsonl", "h");
        for (const auto& [id, text] : docs) writer.put(article(id, text));
        writer.end_file();
        writer.commit();
    }
    news::Searcher searcher({dir.string(), {}});
    const auto r = searcher.search(
        news::parse_search_params({{"q", query}, {"collapse", "false"}, {"op", "and"}}, {}));
    std::vector<std::string> ids;
    for (const auto& h : r["hits"]) ids.push_back(h["id"]);
    return ids;
}

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("normalisation: each variant finds the other, both ways") {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"sales of 5.5mn vehicles", "5.5 million"},
        {"sales of 5.5 million vehicles", "5.5mn"},
        {"nearly 40 per cent of its goal", "40%"},
        {"nearly 40% of its goal", "40 per cent"},
        {"just-in-time co-operation", "cooperation"},
        {"just-in-time cooperation", "co-operation"},
        {"improve utilisation rates", "utilization"},
        {"improve utilization rates", "utilisation"},
        {"data centres in Japan", "center"},
        {"data centers in Japan", "centre"},
        {"the \xE2\x80\x9C"
         "DeepSeek moment\xE2\x80\x9D",
         "\"DeepSeek moment\""},
        {"the programme was cut", "program"},
        {"a caf\xC3\xA9 in S\xC3\xA3o Paulo", "cafe"},
        {"a cafe in Sao Paulo", "caf\xC3\xA9"},
        {"Thomas M\xC3\xBCller scored", "Muller"},
        {"Thomas Muller scored", "M\xC3\xBCller"},
        {"the cafe\xCC\x81 opened", "caf\xC3\xA9"},  // decomposed: e + combining acute
        {"offices in \xC5\x81\xC3\xB3"
         "d\xC5\xBA",
         "Lodz"},
        {"AT&T cut 12,000 jobs", "ATT"},
        {"ATT cut 12,000 jobs", "AT&T"},
        {"spending on R&D rose", "R&D"},
        {"the S&P 500 fell", "\"S&P 500\""},
        {"the Stra\xC3\x9F"
         "e was closed",
         "strasse"},
    };
    for (const auto& [text, query] : pairs) {
        CHECK_MESSAGE(find({{"doc", text}, {"other", "unrelated words about cocoa"}}, query) ==
                          std::vector<std::string>{"doc"},
                      text << " <- " << query);
    }
    CHECK(news::normalize_for_index("U.S. co-operation") == "US cooperation");
    CHECK(news::normalize_for_index("Caf\xC3\xA9 M\xC3\x9CLLER \xC3\x86on") == "Cafe MULLER Aeon");
    // Letters of other scripts, and signs that are not letters, stay as they are.
    CHECK(news::normalize_for_index("\xE4\xB8\xAD\xE5\x9B\xBD 3\xC3\x97"
                                    "5") ==
          "\xE4\xB8\xAD\xE5\x9B\xBD 3\xC3\x97"
          "5");
}

TEST_CASE("compounds: the joined form finds the hyphenated one, in the body and the title") {
    const std::vector<std::pair<std::string, std::string>> docs{
        {"hyphen", "A start-up in Tokyo raised money."},
        {"joined", "The startup raised money."},
        {"apart", "They start up early."},
        {"none", "Nothing to see."}};
    CHECK(sorted(find(docs, "startup")) == std::vector<std::string>{"hyphen", "joined"});
    CHECK(sorted(find(docs, "startups")) == std::vector<std::string>{"hyphen", "joined"});
    // As before: the hyphenated form is the phrase of its parts.
    CHECK(sorted(find(docs, "start-up")) == std::vector<std::string>{"apart", "hyphen"});
    // The joined form has no position: phrases are made of the words as written.
    CHECK(find(docs, "\"startup raised\"") == std::vector<std::string>{"joined"});
}

TEST_CASE("compounds: found joined as they are, not through a spelling correction") {
    const ScratchPath dir("news-index-test-compound");
    {
        news::IndexWriter writer(bundled_index_options(dir.path()));
        writer.begin_file("t.jsonl", "h");
        news::Article a = article("e", "Send an e-mail to the G-7.");
        a.title = "E-Mail news";
        writer.put(a);
        writer.end_file();
        writer.commit();
    }
    news::Searcher searcher({dir.string(), {}});
    for (const char* q : {"email", "g7", "G7 email"}) {
        CAPTURE(q);
        const auto r = searcher.search(news::parse_search_params({{"q", q}, {"op", "and"}}, {}));
        REQUIRE(r["hits"].size() == 1);
        CHECK(r["corrected_query"].is_null());
    }
    // The title's compounds are title words too; the body's are not.
    const auto title = [&](const char* q) {
        return searcher.search(news::parse_search_params({{"q", q}, {"op", "and"}}, {}))["hits"];
    };
    CHECK(title("title:email").size() == 1);
    CHECK(title("title:g7").empty());
}

TEST_CASE("synonyms: an abbreviation finds the words and the words find the abbreviation") {
    const std::vector<std::pair<std::string, std::string>> docs = {
        {"long", "Sales of the electric vehicle rose in Japan."},
        {"short", "The EV market is growing in Thailand."},
        {"ai", "Investors bet on artificial intelligence chips."},
        {"none", "Cocoa prices fell in Bahia this week."}};
    const auto ev = find(docs, "EV");
    CHECK(std::find(ev.begin(), ev.end(), "long") != ev.end());
    CHECK(std::find(ev.begin(), ev.end(), "short") != ev.end());
    const auto words = find(docs, "electric vehicle");
    CHECK(std::find(words.begin(), words.end(), "short") != words.end());
    CHECK(find(docs, "AI") == std::vector<std::string>{"ai"});
}

TEST_CASE("near-duplicates: the two newsletter copies collapse, different stories do not") {
    const fs::path corpus = NEWS_CORPUS_DIR;
    auto page = [&](const char* name) {
        return news::clean_page(news::testing::read_file(corpus / name), name).front();
    };
    const auto a = page("000_c1f196531a025e5e.txt");
    const auto b = page("001_e7c17cc93f2e231c.txt");
    const auto c = page("004_c3e94b2513e9714b.txt");
    const auto d = page("002_e83ecebaced1d7ad.txt");
    auto sig = [](const news::Article& x) {
        return *news::dedupe::minhash(news::normalize_for_index(news::body_text(x)));
    };
    const double threshold = news::dedupe::kDefaultThreshold;
    CHECK(news::dedupe::similarity(sig(a), sig(b)) >= threshold);
    CHECK(news::dedupe::similarity(sig(b), sig(c)) < threshold);  // same topic, other story
    CHECK(news::dedupe::similarity(sig(b), sig(d)) < threshold);
    CHECK(news::dedupe::similarity(sig(c), sig(d)) < threshold);
}

TEST_CASE("JSON Lines: fields, author alias, paragraphs, and clear errors") {
    auto r = news::parse_jsonl_line(
        R"({"id":"n1","title":"T","body":"One.\n\nTwo.","source":"BBC","author":"Jo Bloggs",)"
        R"("url":"http://x","published":"2025-01-02","extra":1})",
        "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->id == "n1");
    CHECK(r.article->paragraphs == std::vector<std::string>{"One.", "Two."});
    CHECK(r.article->authors == std::vector<std::string>{"Jo Bloggs"});
    CHECK(r.article->published == "2025-01-02");
    CHECK(r.article->source == "BBC");
    CHECK_FALSE(news::parse_jsonl_line("{not json", "f.jsonl").article);
    CHECK_FALSE(news::parse_jsonl_line("{not json", "f.jsonl").error.empty());
    CHECK_FALSE(news::parse_jsonl_line(R"({"title":"no id"})", "f.jsonl").article);
    CHECK_FALSE(news::parse_jsonl_line(R"({"id":"x"})", "f.jsonl").article);
}

TEST_CASE("JSON Lines: a field of an odd type loses the field, not the article") {
    auto r = news::parse_jsonl_line(
        R"({"id":"a","title":"T","body":"B","source":5,"url":["x"],"authors":["Jo",7]})",
        "f.jsonl");
    REQUIRE(r.article);
    CHECK_FALSE(r.article->source);
    CHECK_FALSE(r.article->url);
    CHECK(r.article->authors == std::vector<std::string>{"Jo"});
    CHECK(r.warnings == std::vector<std::string>{"\"url\" is not a link: left out",
                                                 "\"source\" is not a string: left out",
                                                 "authors that are not names: left out"});
    // A Unix time, in seconds or milliseconds, is a date.
    r = news::parse_jsonl_line(R"({"id":"a","title":"T","published":1704412800})", "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->published == "2024-01-05");
    CHECK(r.warnings.empty());
    r = news::parse_jsonl_line(R"({"id":"a","title":"T","date":1704412800123})", "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->published == "2024-01-05");
    r = news::parse_jsonl_line(R"({"id":"a","title":"T","published":-5})", "f.jsonl");
    REQUIRE(r.article);
    CHECK_FALSE(r.article->published);
    CHECK(r.warnings.size() == 1);
    // A body given as paragraphs.
    r = news::parse_jsonl_line(R"({"id":"a","title":"T","body":[" One. ","","Two.\n\nThree."]})",
                               "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->paragraphs == std::vector<std::string>{"One.", "Two.", "Three."});
    // What an article cannot do without still skips the record.
    CHECK_FALSE(news::parse_jsonl_line(R"({"id":"a","title":["T"]})", "f.jsonl").article);
    CHECK_FALSE(
        news::parse_jsonl_line(R"({"id":"a","title":"T","body":{"p":1}})", "f.jsonl").article);
    CHECK_FALSE(
        news::parse_jsonl_line(R"({"id":"a","title":"T","body":["a",1]})", "f.jsonl").article);
}

TEST_CASE("JSON Lines: a feed's written date is its date, a vague one stays text only") {
    auto r = news::parse_jsonl_line(
        R"({"id":"n1","title":"T","body":"B","published":"Fri, 05 Jan 2024 10:00:00 GMT"})",
        "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->published == "2024-01-05");
    CHECK(r.article->published_text == "Fri, 05 Jan 2024 10:00:00 GMT");
    r = news::parse_jsonl_line(R"({"id":"n2","title":"T","body":"B","date":"January 5, 2024"})",
                               "f.jsonl");
    REQUIRE(r.article);
    CHECK(r.article->published == "2024-01-05");
    r = news::parse_jsonl_line(R"({"id":"n3","title":"T","body":"B","date":"3 hours ago"})",
                               "f.jsonl");
    REQUIRE(r.article);
    CHECK_FALSE(r.article->published);
    CHECK(r.article->published_text == "3 hours ago");
}

TEST_CASE("incremental: a newer indexer reads each file again once, rewriting what changed") {
    const ScratchPath dir("news-index-test-upgrade"), input("news-index-test-upgrade-in");
    fs::create_directories(input.path());
    const std::string feed =
        R"({"id":"u1","title":"Cocoa","body":"Cocoa rose.","published":"Jan 5, 2024"})"
        "\n"
        R"({"id":"u2","title":"Tea","body":"Tea fell.","published":"2024-01-03"})"
        "\n";
    const fs::path file = input.path() / "feed.jsonl";
    std::ofstream(file) << feed;
    {
        // The file stamped as before schema versions (its bytes' hash alone), u1 as that indexer
        // read it (no date). The documents carry this schema's hashes, so only u1 is rewritten.
        news::IndexWriter writer(bundled_index_options(dir.path()));
        writer.begin_file(news::IndexWriter::file_key(file.string()),
                          news::hex64(news::hash64(feed)));
        for (const char* line : {R"({"id":"u1","title":"Cocoa","body":"Cocoa rose."})",
                                 R"({"id":"u2","title":"Tea","body":"Tea fell.",)"
                                 R"("published":"2024-01-03"})"}) {
            auto r = news::parse_jsonl_line(line, "feed.jsonl");
            REQUIRE(r.article);
            writer.put(*r.article);
        }
        writer.end_file();
        writer.commit();
    }
    auto run = [&] {
        news::IndexWriter writer(bundled_index_options(dir.path()));
        const std::vector<std::string> inputs{input.string()};
        const auto result = news::ingest_inputs(writer, inputs, {});
        writer.commit();
        CHECK(result.skipped() == 0);
        return writer.counts();
    };
    const auto upgraded = run();
    CHECK(upgraded.updated == 1);    // u1, now dated
    CHECK(upgraded.unchanged == 1);  // u2 came out the same and was not rewritten
    news::Searcher searcher({dir.string(), {}});
    const auto r =
        searcher.search(news::parse_search_params({{"q", "cocoa"}, {"from", "2024-01-05"}}, {}));
    REQUIRE(r["hits"].size() == 1);
    CHECK(r["hits"][0]["published"] == "2024-01-05");
    const auto again = run();
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 2);
}

TEST_CASE(
    "incremental: unchanged input changes nothing, a changed file replaces its articles, prune "
    "removes") {
    const ScratchPath dir("news-index-test-incr"), input("news-index-test-incr-in");
    fs::create_directories(input.path());
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(input.path() / name) << text;
    };
    write("a.jsonl", R"({"id":"a1","title":"Cocoa","body":"Cocoa prices rose."})"
                     "\n"
                     R"({"id":"a2","title":"Tea","body":"Tea prices fell."})"
                     "\n");
    write("b.jsonl", R"({"id":"b1","title":"Coffee","body":"Coffee prices held."})"
                     "\n");
    const std::vector<std::string> inputs{input.string()};
    auto run = [&](bool prune) {
        news::IndexWriter writer(bundled_index_options(dir.path()));
        news::IngestOptions o;
        o.prune = prune;
        const auto result = news::ingest_inputs(writer, inputs, o);
        writer.commit();
        CHECK(result.skipped() == 0);
        return std::make_pair(writer.counts(), writer.article_count());
    };
    auto [first, n1] = run(false);
    CHECK(first.indexed == 3);
    CHECK(n1 == 3);
    auto [second, n2] = run(false);
    CHECK(second.indexed == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == 3);
    write("a.jsonl", R"({"id":"a1","title":"Cocoa","body":"Cocoa prices fell sharply."})"
                     "\n");
    auto [third, n3] = run(false);
    CHECK(third.updated == 1);
    CHECK(third.removed == 1);  // a2 is gone from the changed file
    CHECK(n3 == 2);
    fs::remove(input.path() / "b.jsonl");
    auto [fourth, n4] = run(true);
    CHECK(fourth.removed == 1);
    CHECK(n4 == 1);
}

TEST_CASE("indexed slot: a run stamps what it writes, an unchanged article keeps its time") {
    const ScratchPath dir("news-index-test-indexed");
    auto run = [&](const std::string& at, const std::vector<news::Article>& articles) {
        auto options = bundled_index_options(dir.path());
        options.indexed_at = at;
        news::IndexWriter writer(options);
        writer.begin_file("t.jsonl", at);  // a new hash: the file is read again
        for (const auto& a : articles) writer.put(a);
        writer.end_file();
        writer.commit();
    };
    // The first run builds in bulk shards, the second replaces in place: both stamp.
    run("2026-12-01T08:00:00Z",
        {article("kept", "Cocoa prices rose in Bahia."), article("changed", "Tea prices fell.")});
    run("2026-12-07T09:30:00Z",
        {article("kept", "Cocoa prices rose in Bahia."),
         article("changed", "Tea prices fell sharply."), article("new", "Coffee prices held.")});
    news::Searcher searcher({dir.string(), {}});
    CHECK(searcher.indexed_at("kept") == "2026-12-01T08:00:00Z");
    CHECK(searcher.indexed_at("changed") == "2026-12-07T09:30:00Z");
    CHECK(searcher.indexed_at("new") == "2026-12-07T09:30:00Z");
    CHECK_FALSE(searcher.indexed_at("missing").has_value());
    CHECK(searcher.article("kept", std::nullopt).at("indexed") == "2026-12-01T08:00:00Z");
}

TEST_CASE("summary slot: id, source and title of each article, for listing duplicates") {
    const ScratchPath dir("news-index-test-summary");
    {
        news::IndexWriter writer(bundled_index_options(dir.path()));
        writer.begin_file("t.jsonl", "h");
        auto a = article("with-source", "Cocoa prices rose in Bahia.");
        a.source = "Reuters";
        a.title = "Cocoa \"up\" <again>";
        writer.put(a);
        writer.put(article("no-source", "Oil prices fell."));
        writer.end_file();
        writer.commit();
    }
    Xapian::Database db(dir.string());
    std::map<std::string, nlohmann::json> summaries;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto s =
            nlohmann::json::parse(db.get_document(*it).get_value(news::schema::kSlotSummary));
        summaries[s.at("id").get<std::string>()] = s;
    }
    REQUIRE(summaries.size() == 2);
    CHECK(summaries["with-source"] == nlohmann::json{{"id", "with-source"},
                                                     {"source", "Reuters"},
                                                     {"title", "Cocoa \"up\" <again>"}});
    CHECK(summaries["no-source"]["source"].is_null());
    CHECK(summaries["no-source"]["title"] == "Report no-source");
}

namespace {

void index_one(const fs::path& dir, const news::Article& a) {
    news::IndexWriter writer(bundled_index_options(dir));
    writer.begin_file("t.jsonl", "h");
    writer.put(a);
    writer.end_file();
    writer.commit();
}

}  // namespace

TEST_CASE("indexed slot: a run that names no time stamps the time it opened") {
    const ScratchPath dir("news-index-test-indexed-now");
    const auto before = std::chrono::system_clock::now();
    index_one(dir.path(), article("now-1", "Cocoa prices rose in Bahia."));
    const auto at = news::Searcher({dir.string(), {}}).indexed_at("now-1");
    REQUIRE(at.has_value());
    std::tm tm{};
    REQUIRE(strptime(at->c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm) == at->c_str() + at->size());
    const auto stamped = std::chrono::system_clock::from_time_t(timegm(&tm));
    CHECK(stamped >= std::chrono::time_point_cast<std::chrono::seconds>(before));
    CHECK(stamped <= std::chrono::system_clock::now());
}

TEST_CASE("article slot: the article JSON as /api/articles returns it, document data empty") {
    const ScratchPath dir("news-index-test-article-slot");
    index_one(dir.path(), article("slot-1", "Cocoa prices rose in Bahia."));
    Xapian::Database db(dir.string());
    const auto doc = db.get_document(*db.postlist_begin(""));
    CHECK(doc.get_data().empty());
    const auto stored = nlohmann::json::parse(doc.get_value(news::schema::kSlotArticle));
    CHECK(stored.at("id") == "slot-1");
    CHECK(stored.at("paragraphs").dump().find("Cocoa prices rose in Bahia.") != std::string::npos);
}

TEST_CASE("an index that keeps articles as document data (written before slot 6) still serves") {
    const ScratchPath dir("news-index-test-article-data");
    index_one(dir.path(), article("old-1", "Cocoa prices rose in Bahia."));
    nlohmann::json expected;
    {
        // Rewrite it as an older indexer did: the article as data, no article slot, no time.
        Xapian::WritableDatabase db(dir.string());
        const Xapian::docid did = *db.postlist_begin("");
        Xapian::Document doc = db.get_document(did);
        expected = nlohmann::json::parse(doc.get_value(news::schema::kSlotArticle));
        doc.set_data(doc.get_value(news::schema::kSlotArticle));
        doc.remove_value(news::schema::kSlotArticle);
        doc.remove_value(news::schema::kSlotIndexed);
        db.replace_document(did, doc);
        db.commit();
    }
    news::Searcher searcher({dir.string(), {}});
    CHECK_FALSE(searcher.indexed_at("old-1").has_value());
    const auto a = searcher.article("old-1", std::nullopt);
    CHECK(a.at("indexed").is_null());
    CHECK(a.at("paragraphs") == expected.at("paragraphs"));
    const auto r = searcher.search(news::parse_search_params({{"q", "cocoa"}}, {}));
    REQUIRE(r["hits"].size() == 1);
    CHECK(r["hits"][0]["snippet"].get<std::string>().find("<mark>Cocoa</mark>") !=
          std::string::npos);
}
