// How a feed record's text becomes an article's: HTML bodies as paragraphs, character
// references decoded wherever people read the text, on both JSON readers alike.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "read_record.hpp"

namespace {

news::Article read(const std::string& line) {
    return news::testing::read_record(line);
}

}  // namespace

TEST_CASE("feeds: an HTML body is read as its paragraphs") {
    const auto a = read(
        R"({"id":"h1","title":"T","body":"<p>Foxconn eyes <b>Oppama</b>.</p>\n<p>Second )"
        R"(paragraph<br>with a line break.</p><script>track()</script><p>&copy; Outlet</p>"})");
    CHECK(a.paragraphs == std::vector<std::string>{"Foxconn eyes Oppama.",
                                                   "Second paragraph\nwith a line break.",
                                                   "© Outlet"});
}

TEST_CASE("feeds: a plain body keeps its blank-line paragraphs and its '<'") {
    const auto a =
        read(R"({"id":"p1","title":"T","body":"Rates < 5% &amp; rising.\n\nAT&T said so."})");
    CHECK(a.paragraphs == std::vector<std::string>{"Rates < 5% & rising.", "AT&T said so."});
}

TEST_CASE("feeds: references in the title, source and authors are decoded") {
    const auto a =
        read(R"({"id":"r1","title":"Pel&#233; in S&atilde;o Paulo &ndash; &lt;live&gt;",)"
             R"("source":"Caf&eacute; Times","authors":["Ren&eacute;e O&#8217;Brien"],)"
             R"("url":"https://x.example/?a=1&amp;b=2","body":"communiqu&#233;"})");
    CHECK(a.title == "Pelé in São Paulo – <live>");
    CHECK(a.source == "Café Times");
    CHECK(a.authors == std::vector<std::string>{"Renée O’Brien"});
    CHECK(a.url == "https://x.example/?a=1&amp;b=2");  // an address, copied as given
    CHECK(a.paragraphs == std::vector<std::string>{"communiqué"});
}

TEST_CASE("feeds: paragraphs with inline tags stay apart, as a string or an array") {
    const std::vector<std::string> expected = {"First bold point.", "Second point."};
    CHECK(read(R"({"id":"i1","title":"T","body":"First <b>bold</b> point.\n\nSecond point."})")
              .paragraphs == expected);
    CHECK(read(R"({"id":"i2","title":"T","body":["First <b>bold</b> point.","Second point."]})")
              .paragraphs == expected);
}

TEST_CASE("feeds: a body under content, text, description or summary is the body") {
    for (const char* key : {"content", "text", "description", "summary"}) {
        CAPTURE(key);
        const auto a = read(std::string(R"({"id":"c1","title":"T",")") + key +
                            R"(":"<p>One.</p><p>Two.</p>"})");
        CHECK(a.paragraphs == std::vector<std::string>{"One.", "Two."});
    }
    // "body" first, then the others in that order; a null one does not count.
    CHECK(read(R"({"id":"c2","title":"T","summary":"Short.","body":"Full."})").paragraphs ==
          std::vector<std::string>{"Full."});
    CHECK(
        read(R"({"id":"c3","title":"T","body":null,"description":"D.","text":"X."})").paragraphs ==
        std::vector<std::string>{"X."});
    const auto bad = news::parse_jsonl_line(R"({"id":"c4","title":"T","content":5})", "f.jsonl");
    CHECK_FALSE(bad.article);
    CHECK(bad.error ==
          "\"content\" is not text (a string or an object with a \"value\") or an array of texts");
}
