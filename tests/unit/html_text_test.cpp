#include "core/text/html_text.hpp"

#include <doctest/doctest.h>

using news::html_to_text;
using news::looks_like_html;

TEST_CASE("html text: tags of known elements make a body HTML, other '<' does not") {
    for (const char* html :
         {"<p>Text</p>", "a<br>b", "a<br/>b", "a <BR /> b", "x</div>", "<a href=\"/x\">link</a>",
          "<strong>bold</strong> claims", "<!-- comment -->", "<P CLASS=lead>Lead"}) {
        CAPTURE(html);
        CHECK(looks_like_html(html));
    }
    for (const char* text : {"3 < 5 and 7 > 2", "<<< scroll", "a <b", "<quokka>", "x <- y", "<p",
                             "email <editor@example.com>", "plain text"}) {
        CAPTURE(text);
        CHECK_FALSE(looks_like_html(text));
    }
}

TEST_CASE("html text: block elements make paragraphs, inline tags go, words stay apart") {
    CHECK(html_to_text("<p>First paragraph.</p><p>Second <b>bold</b> one.</p>") ==
          "First paragraph.\n\nSecond bold one.");
    CHECK(html_to_text("<h2>Heading</h2>\n<ul><li>one</li><li>two</li></ul>") ==
          "Heading\n\none\n\ntwo");
    CHECK(html_to_text("line one<br>line two<br><br>next paragraph") ==
          "line one\nline two\n\nnext paragraph");
    CHECK(html_to_text("<p>Text that\n   wraps\tin the source</p>") ==
          "Text that wraps in the source");
    CHECK(html_to_text("<table><tr><td>Q1</td><td>5%</td></tr></table>") == "Q1 5%");
    CHECK(html_to_text("a <a href=\"https://x.example/?a=1&amp;b=2\">link</a> b") == "a link b");
}

TEST_CASE("html text: a blank line still ends a paragraph, as in a plain body") {
    CHECK(html_to_text("First <b>bold</b> point.\n\nSecond <a href=x>point</a>.") ==
          "First bold point.\n\nSecond point.");
    CHECK(html_to_text("<p>One</p>\n\n<p>Two</p>\n \n") == "One\n\nTwo");
    CHECK(html_to_text("one\ntwo \r\n three<i>x</i>") == "one two threex");
}

TEST_CASE("html text: scripts, styles, comments and declarations leave no text") {
    CHECK(html_to_text("<!DOCTYPE html><p>Kept<script>alert('<p>x</p>')</script> text</p>") ==
          "Kept text");
    CHECK(html_to_text("<style>p { color: red }</style><p>Kept</p>") == "Kept");
    CHECK(html_to_text("a<!-- <p>hidden</p> -->b") == "ab");
    CHECK(html_to_text("a<iframe src=x/>b") == "ab");        // self-closing
    CHECK(html_to_text("a<SCRIPT>x()</script >b") == "ab");  // case and space
    CHECK(html_to_text("a<script>never closed") == "a");
    CHECK(html_to_text("<![CDATA[raw <text>]]> after") == "raw <text> after");
}

TEST_CASE("html text: references are decoded after the tags are gone") {
    CHECK(html_to_text("<p>Pel&#233; &amp; friends &lt;p&gt; &nbsp;</p>") == "Pelé & friends <p>");
    CHECK(html_to_text("<p>3 < 5, AT&T</p>") == "3 < 5, AT&T");
}

TEST_CASE("html text: attribute values may hold '>' and apostrophes") {
    CHECK(html_to_text("<img alt=\"a > b\" src=x>after") == "after");
    CHECK(html_to_text("<a title=it's href=x>link</a> and more") == "link and more");
    CHECK(html_to_text("<p data-x='1 > 0'>kept</p>") == "kept");
}

TEST_CASE("html text: a '<' whose tag never closes is text, and so is every '<' after it") {
    CHECK(html_to_text("<p>Kept</p> a <b and more") == "Kept\n\na <b and more");
    CHECK(html_to_text("a <b and <i>more") == "a more");  // as browsers read it: one tag
    std::string many = "<p>x</p>";
    for (int i = 0; i < 100'000; ++i) many += "<a ";  // one pass, not one per '<'
    const auto text = html_to_text(many);
    CHECK(text.starts_with("x\n\n<a <a"));
    CHECK(text.size() == 3 + 100'000 * 3 - 1);
    CHECK(looks_like_html(many));
}
