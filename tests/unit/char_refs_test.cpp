#include "core/text/char_refs.hpp"

#include <doctest/doctest.h>

using news::decode_char_refs;

TEST_CASE("char refs: numbers, hex numbers and names become their characters") {
    CHECK(decode_char_refs("Pel&#233; scored") == "Pelé scored");
    CHECK(decode_char_refs("S&#xE3;o Paulo, S&#XE3;o") == "São Paulo, São");
    CHECK(decode_char_refs("communiqu&eacute; &amp; &lt;b&gt; &quot;x&quot; &apos;y&apos;") ==
          "communiqué & <b> \"x\" 'y'");
    CHECK(decode_char_refs("&euro;5 &ndash; &mdash; &hellip; &rsquo;") == "€5 – — … ’");
    CHECK(decode_char_refs("&#128512;") == "\xF0\x9F\x98\x80");  // beyond the BMP
    CHECK(decode_char_refs("&#0233;") == "é");                   // leading zeros
}

TEST_CASE("char refs: text that only looks like one stays as written") {
    for (const char* text :
         {"AT&T", "Q&A", "R&D;", "fish & chips", "&nbsp without end", "&unknown;", "&#;", "&#x;",
          "&#12a;", "&", "a&", "&&amp", "&#99999999999;", "&verylongname;"}) {
        CAPTURE(text);
        CHECK(decode_char_refs(text) == text);
    }
    CHECK(decode_char_refs("&&amp;") == "&&");
    CHECK(decode_char_refs("&amp;amp;") == "&amp;");  // decoded once, as a browser does
}

TEST_CASE("char refs: the odd numbers are read as browsers read them") {
    CHECK(decode_char_refs("Blair&#146;s") == "Blair’s");  // Windows-1252's right quote
    CHECK(decode_char_refs("&#150;") == "–");
    CHECK(decode_char_refs("a&#0;b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(decode_char_refs("&#xD800;") == "\xEF\xBF\xBD");    // a surrogate
    CHECK(decode_char_refs("&#x110000;") == "\xEF\xBF\xBD");  // past U+10FFFF
    CHECK(decode_char_refs("a&nbsp;b&#160;c") == "a b c");    // layout, so a plain space
}

TEST_CASE("char refs: decoding in place leaves text without '&' alone") {
    std::string text = "no references here";
    const auto* data = text.data();
    news::decode_char_refs_in(text);
    CHECK(text == "no references here");
    CHECK(text.data() == data);
    std::string coded = "caf&eacute;";
    news::decode_char_refs_in(coded);
    CHECK(coded == "café");
}
