#include <doctest/doctest.h>

#include "core/text/utf8.hpp"

TEST_CASE("valid UTF-8 is recognised and left unchanged") {
    const std::string text = "Nissan’s Oppama plant — 5.5mn ✓";
    CHECK(news::is_valid_utf8(text));
    CHECK(news::repair_utf8(text) == text);
}

TEST_CASE("broken bytes are replaced by U+FFFD, one per byte") {
    CHECK_FALSE(news::is_valid_utf8("a\xFF" "b"));
    CHECK(news::repair_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(news::repair_utf8("\xE2\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
    CHECK_FALSE(news::is_valid_utf8("\xC0\xAF"));                        // overlong '/'
    CHECK_FALSE(news::is_valid_utf8("\xED\xA0\x80"));                    // surrogate
    CHECK(news::is_valid_utf8(news::repair_utf8("\xF5\x80\x80\x80 x")));
}

TEST_CASE("a broken byte is found wherever it falls in a long ASCII run") {
    // The validity check steps over ASCII eight bytes at a time, and repair trusts it; the bad
    // byte may sit at any offset of a word, at the end of the text, or after a multi-byte
    // character.
    for (std::size_t at = 0; at < 24; ++at) {
        std::string text(23, 'a');
        text.insert(at, "\xFF");
        CAPTURE(at);
        CHECK_FALSE(news::is_valid_utf8(text));
        std::string expected(23, 'a');
        expected.insert(at, "\xEF\xBF\xBD");
        CHECK(news::repair_utf8(text) == expected);
        const std::string accented = "caf\xC3\xA9 " + text;
        CHECK_FALSE(news::is_valid_utf8(accented));
        CHECK(news::repair_utf8(accented) == "caf\xC3\xA9 " + expected);
    }
    const std::string clean = std::string(40, 'x') + "\xE2\x80\x94" + std::string(9, 'y');
    CHECK(news::is_valid_utf8(clean));
    CHECK(news::repair_utf8(clean) == clean);
    CHECK_FALSE(news::is_valid_utf8(std::string(16, 'z') + "\xE2\x80"));  // cut off at the end
}
