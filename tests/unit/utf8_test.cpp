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
