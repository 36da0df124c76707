// The passage the snippet is chosen from: the paragraph with most query words, and its cuts.
#include "core/search/passage.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

TEST_CASE("passage_needles: stems lose their last letter, field terms are left out") {
    const std::vector<Xapian::Query> terms{Xapian::Query("Zhappi"), Xapian::Query("Zski"),
                                           Xapian::Query("oppama"), Xapian::Query("ZSfoxconn"),
                                           Xapian::Query("XSreuters")};
    const Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    const auto needles = news::passage_needles(q);
    CHECK(needles == std::vector<std::string>{"happ", "ski", "oppama"});  // in term order
}

TEST_CASE("field_term: the stems and words of one field, nothing of another") {
    const auto text = [](std::string_view term, std::string_view prefix) {
        const auto t = news::field_term(term, prefix);
        return t ? (t->stemmed ? "stem " : "word ") + t->text : std::string("none");
    };
    CHECK(text("ZSfoxconn", "S") == "stem foxconn");
    CHECK(text("Snissan", "S") == "word nissan");
    CHECK(text("Zfoxconn", "S") == "none");   // a body term
    CHECK(text("XSreuters", "S") == "none");  // source:
    CHECK(text("SXfoo", "S") == "none");      // a longer prefix
    CHECK(text("ZS", "S") == "none");
    CHECK(text("Zfoxconn", "") == "stem foxconn");
    CHECK(text("oppama", "") == "word oppama");
    CHECK(text("ZSfoxconn", "") == "none");
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

TEST_CASE("best_passage: earliest paragraph on a tie, a word must start with the needle") {
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

TEST_CASE("best_passage: no needle found -> the whole body, no needles -> the opening") {
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
