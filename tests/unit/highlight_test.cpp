// Our snippet generator (core/search/highlight.cpp): it must mark what Xapian's own generator
// marks, plus phrase words, escape everything else, and choose the window with the query's words.
#include "core/search/highlight.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "tests/unit/one_doc_index.hpp"

namespace {

using news::testing::OneDocIndex;

// The words between <mark> and </mark>, in order.
std::vector<std::string> marked(const std::string& html) {
    std::vector<std::string> out;
    for (auto at = html.find(news::kMarkOpen); at != std::string::npos;
         at = html.find(news::kMarkOpen, at)) {
        at += news::kMarkOpen.size();
        const auto end = html.find(news::kMarkClose, at);
        out.push_back(html.substr(at, end - at));
    }
    return out;
}

std::string plain(std::string html) {
    for (const auto tag : {news::kMarkOpen, news::kMarkClose}) {
        for (auto at = html.find(tag); at != std::string::npos; at = html.find(tag))
            html.erase(at, tag.size());
    }
    return html;
}

const std::vector<std::string> kHighlightTexts = {
    "Nissan's Oppama plant in Yokosuka: Foxconn is in talks with Nissan to build EVs.",
    "The happiest dying skies flew early; only gently lying lies were happily told.",
    "Generously generated generations. Skiing skis, news and newsy newspapers!",
    "Running runners ran; the run-off was running late, RUNS and Runner's errands.",
    "Crises, crisis, criteria; analyses of analysis; mice and mouse; feet and foot.",
    "Sales rose 1,000.5 percent to $4.2 billion in 2023, the U.S. firm said.",
};

const std::vector<std::string> kQueries = {
    "Nissan Foxconn",
    "happy die sky lie",
    "generous generation ski news",
    "run runner",
    "crisis analysis mouse foot",
    "early only gentle",
    "billion 2023 firm",
    "sales percent",
};

}  // namespace

TEST_CASE("highlight_all marks exactly the words Xapian's own snippet generator marks") {
    for (const auto& text : kHighlightTexts) {
        for (const auto& q : kQueries) {
            const OneDocIndex index(text, q);
            CAPTURE(text);
            CAPTURE(q);
            const std::string xapian =
                index.mset.snippet(text, text.size() + 1, Xapian::Stem("english"),
                                   Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>", "</mark>", "");
            const std::string ours = news::highlight_all(news::QueryWords(index.query), text);
            CHECK(marked(ours) == marked(xapian));
            CHECK(plain(ours) == news::escape_html(text));
        }
    }
}

TEST_CASE("stemmed forms are marked, other words are not, a typographic apostrophe is one") {
    const std::string text = "Running late, the runner ran to Nissan\u2019s plant and ÉLYSÉE.";
    const OneDocIndex index(text, "run Nissan élysée");
    const auto words = marked(news::highlight_all(news::QueryWords(index.query), text));
    CHECK(words == std::vector<std::string>{"Running", "Nissan\u2019s", "ÉLYSÉE"});
}

TEST_CASE("the words of a quoted phrase are marked") {
    const std::string text = "Workers at the Oppama plant heard the news.";
    const OneDocIndex index(text, "\"Oppama plant\"");
    CHECK(marked(news::highlight_all(news::QueryWords(index.query), text)) ==
          std::vector<std::string>{"Oppama", "plant"});
}

TEST_CASE("a hyphenated word the query names joined is marked whole") {
    // The index holds "start-up" joined too (core/text/compounds.hpp).
    const std::string text = "A start-up, a startup, a start-upper-case and a run-off.";
    const OneDocIndex index(text, "startup");
    CHECK(marked(news::highlight_all(news::QueryWords(index.query), text)) ==
          std::vector<std::string>{"start-up", "startup"});
}

TEST_CASE("a name of capitals joined by & is marked whole, as the index holds it joined") {
    const std::string text = "AT&T and ATT both, but not AT or T alone.";
    const OneDocIndex index(text, "AT&T");
    CHECK(marked(news::highlight_all(news::QueryWords(index.query), text)) ==
          std::vector<std::string>{"AT&amp;T", "ATT"});
}

TEST_CASE("markup in the text is escaped, marks stay balanced") {
    const std::string text = "<script>alert(1)</script> & <b>Foxconn</b> buys";
    const OneDocIndex index(text, "foxconn");
    const std::string html = news::highlight_all(news::QueryWords(index.query), text);
    CHECK(
        html ==
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;<mark>Foxconn</mark>&lt;/b&gt; buys");
}

TEST_CASE("the snippet is the window with the most distinct query words, centred, cut as …") {
    std::string filler;
    for (int i = 0; i < 60; ++i) filler += "word" + std::to_string(i) + " ";
    const std::string text =
        "Foxconn opens. " + filler + "Then Foxconn met Nissan at Oppama today. " + filler;
    const OneDocIndex index(text, "foxconn nissan oppama");
    const news::QueryWords words(index.query);
    const std::string s = news::snippet(words, text, 100);
    CAPTURE(s);
    CHECK(marked(s) == std::vector<std::string>{"Foxconn", "Nissan", "Oppama"});
    CHECK(s.starts_with("…word"));
    CHECK(s.ends_with("…"));
    CHECK(plain(s).size() <= 100 + 2 * std::string("…").size());
    // Room is shared on both sides of the matches.
    const auto before = plain(s).find("Then"), after = plain(s).size() - plain(s).find("today.");
    CHECK(before >= 20);
    CHECK(after >= 20);
}

TEST_CASE("a snippet without any query word is the opening, a short text is whole") {
    const std::string text = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda.";
    const OneDocIndex index(text, "alpha");
    const news::QueryWords none(Xapian::Query("Zabsent"));
    CHECK(news::snippet(none, text, 20) == "Alpha beta gamma…");
    CHECK(news::snippet(news::QueryWords(index.query), text, 1000) ==
          "<mark>Alpha</mark> beta gamma delta epsilon zeta eta theta iota kappa lambda.");
    // Trailing punctuation is kept with the last word.
    const std::string s = news::snippet(news::QueryWords(index.query), text, 30);
    CHECK(s == "<mark>Alpha</mark> beta gamma delta epsilon…");
}

TEST_CASE("a snippet of a passage further down the body is marked as cut") {
    const std::string body = "Nissan and Foxconn together in Oppama.";
    const OneDocIndex index(body, "Foxconn");
    const news::QueryWords words(index.query);
    const auto s = news::snippet(words, news::Passage{body, false}, 200);
    CHECK(s.starts_with("…"));
    CHECK(s.find("<mark>Foxconn</mark>") != std::string::npos);
    CHECK_FALSE(news::snippet(words, news::Passage{body, true}, 200).starts_with("…"));
    CHECK(news::snippet(words, news::Passage{body, true, false}, 200).ends_with("…"));
    CHECK_FALSE(news::snippet(words, news::Passage{body, true}, 200).ends_with("…"));
}
