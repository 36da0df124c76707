// Snippet speed-ups must not change what is marked: the passage choice and the query-aware
// stemmer are checked against Xapian's own generator on the whole text with the English stemmer.
#include "core/search/passage.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "core/search/highlight.hpp"
#include "core/search/query_stemmer.hpp"

namespace {

struct OneDocIndex {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    Xapian::Query query;
    Xapian::MSet mset;

    OneDocIndex(const std::string& text, const std::string& q) {
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        db.add_document(doc);
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("english"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
        parser.set_database(db);
        parser.set_default_op(Xapian::Query::OP_OR);
        query = parser.parse_query(q);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        mset = enquire.get_mset(0, 10);
    }
};

const std::vector<std::string> kTexts = {
    "Nissan's Oppama plant in Yokosuka: Foxconn is in talks with Nissan to build EVs.",
    "The happiest dying skies flew early; only gently lying lies were happily told.",
    "Generously generated generations. Skiing skis, news and newsy newspapers!",
    "Running runners ran; the run-off was running late, RUNS and Runner's errands.",
    "Crises, crisis, criteria; analyses of analysis; mice and mouse; feet and foot.",
};

const std::vector<std::string> kQueries = {
    "Nissan Foxconn",    "happy die sky lie",          "generous generation ski news",
    "run runner",        "crisis analysis mouse foot", "\"Oppama plant\"",
    "early only gentle",
};

}  // namespace

TEST_CASE("passage_needles: stems lose their last letter, field terms are left out") {
    const std::vector<Xapian::Query> terms{Xapian::Query("Zhappi"), Xapian::Query("Zski"),
                                           Xapian::Query("oppama"), Xapian::Query("ZSfoxconn"),
                                           Xapian::Query("XSreuters")};
    const Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    const auto needles = news::passage_needles(q);
    CHECK(needles == std::vector<std::string>{"happ", "ski", "oppama"});  // in term order
}

TEST_CASE("query_stemmer marks exactly what the English stemmer marks") {
    for (const auto& text : kTexts) {
        for (const auto& q : kQueries) {
            const OneDocIndex index(text, q);
            const auto needles = news::passage_needles(index.query);
            const Xapian::Stem fast = news::query_stemmer(needles);
            CAPTURE(text);
            CAPTURE(q);
            CHECK(news::highlight_all(index.mset, text, fast) ==
                  news::highlight_all(index.mset, text, news::english_stemmer()));
            CHECK(news::snippet(index.mset, text, 40, fast) ==
                  news::snippet(index.mset, text, 40, news::english_stemmer()));
        }
    }
}

TEST_CASE("query_stemmer leaves words that cannot match unstemmed, stems the others") {
    const std::vector<std::string> needles{"happ", "di"};
    Xapian::Stem fast = news::query_stemmer(needles);
    CHECK(fast("happiest") == Xapian::Stem("english")("happiest"));
    CHECK(fast("dying") == "die");  // a short stem: only the first letter is trusted
    CHECK(fast("running") == "running");
}

TEST_CASE("best_passage: the paragraph with most query words, then 1.5 x length, cut at spaces") {
    const std::vector<std::string_view> paragraphs{
        "Opening paragraph about nothing much.", "Foxconn alone here.",
        "Nissan and Foxconn together in Oppama.", "A closing line.", "Another line."};
    const std::vector<std::string> needles{"foxconn", "nissa"};
    const auto p = news::best_passage(paragraphs, needles, 30);
    CHECK(p.text == "Nissan and Foxconn together in Oppama. A");
    CHECK_FALSE(p.from_start);
    CHECK_FALSE(p.to_end);
}

TEST_CASE("best_passage: earliest paragraph on a tie; a word must start with the needle") {
    const std::vector<std::string_view> paragraphs{"Refoxconn is no match.", "Foxconn first.",
                                                   "Foxconn second."};
    const std::vector<std::string> needles{"foxconn"};
    const auto p = news::best_passage(paragraphs, needles, 1000);
    CHECK(p.text == "Foxconn first. Foxconn second.");
    CHECK(p.to_end);
}

TEST_CASE("best_passage: a long paragraph is cut to some context before the first query word") {
    std::string words;
    for (int i = 0; i < 200; ++i) words += "word" + std::to_string(i) + " ";
    const std::string paragraph = words + "Foxconn and Nissan. " + words;
    const std::vector<std::string_view> paragraphs{paragraph};
    const std::vector<std::string> needles{"foxconn", "nissa"};
    const auto p = news::best_passage(paragraphs, needles, 100);
    CHECK_FALSE(p.from_start);
    CHECK_FALSE(p.to_end);
    CHECK(p.text.size() <= 150);
    CHECK(p.text.find("Foxconn and Nissan.") != std::string::npos);
    CHECK(p.text.find("Foxconn") >= 30);  // context before the match is kept
    CHECK(p.text.starts_with("word"));    // and it starts at a word
}

TEST_CASE("best_passage: no needle found -> the whole body; no needles -> the opening") {
    const std::vector<std::string_view> paragraphs{"One.", "Two.", "Three."};
    const std::vector<std::string> absent{"zebra"};
    const auto whole = news::best_passage(paragraphs, absent, 2);
    CHECK(whole.text == "One. Two. Three.");
    CHECK(whole.from_start);
    CHECK(whole.to_end);
    const auto opening = news::best_passage(paragraphs, {}, 2);
    CHECK(opening.text == "One.");
    CHECK(opening.from_start);
    CHECK_FALSE(opening.to_end);
}

TEST_CASE("snippet of a passage further down the body is marked as cut") {
    const std::string body = "Nissan and Foxconn together in Oppama.";
    const OneDocIndex index(body, "Foxconn");
    const news::Passage later{body, false};
    const auto s = news::snippet(index.mset, later, 200);
    CHECK(s.starts_with("…"));
    CHECK(s.find("<mark>Foxconn</mark>") != std::string::npos);
    const news::Passage first{body, true};
    CHECK_FALSE(news::snippet(index.mset, first, 200).starts_with("…"));
    const news::Passage earlier{body, true, false};
    CHECK(news::snippet(index.mset, earlier, 200).ends_with("…"));
    CHECK_FALSE(news::snippet(index.mset, first, 200).ends_with("…"));
}
