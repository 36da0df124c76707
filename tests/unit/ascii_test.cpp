// core/text/ascii.hpp: the one ASCII case folding the indexer, the searcher and the server
// share. It must fold A-Z and nothing else, whatever the locale, so that a word is folded the
// same way when it is indexed, queried and highlighted.

#include "core/text/ascii.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <clocale>
#include <string>

namespace ascii = news::ascii;

TEST_CASE("ascii: classes and folding agree with <cctype> in the C locale, byte by byte") {
    REQUIRE(std::string(std::setlocale(LC_CTYPE, nullptr)) == "C");
    for (int b = 0; b < 256; ++b) {
        const auto c = static_cast<char>(b);
        CAPTURE(b);
        CHECK(ascii::is_upper(c) == (std::isupper(b) != 0));
        CHECK(ascii::is_lower(c) == (std::islower(b) != 0));
        CHECK(ascii::is_alpha(c) == (std::isalpha(b) != 0));
        CHECK(ascii::is_digit(c) == (std::isdigit(b) != 0));
        CHECK(ascii::is_alnum(c) == (std::isalnum(b) != 0));
        // Word-separating spaces: isspace's set but for the form and vertical tab.
        CHECK(ascii::is_space(c) == (std::isspace(b) != 0 && c != '\f' && c != '\v'));
        CHECK(ascii::is_word_byte(c) == (std::isalnum(b) != 0 || b >= 0x80));
        CHECK(static_cast<unsigned char>(ascii::to_lower(c)) == std::tolower(b));
        CHECK(static_cast<unsigned char>(ascii::to_upper(c)) == std::toupper(b));
    }
}

TEST_CASE("ascii: lower folds ASCII letters and leaves UTF-8 bytes as they are") {
    CHECK(ascii::lower("Foxconn NISSAN Oppama 2024!") == "foxconn nissan oppama 2024!");
    CHECK(ascii::lower("Ärger ÉCOLE") == "Ärger École");  // not Unicode folding: É stays
    CHECK(ascii::lower("") == "");
    std::string s = "MiXeD";
    ascii::lower_in_place(s);
    CHECK(s == "mixed");
}

TEST_CASE("ascii: iequals ignores the case of ASCII letters only") {
    CHECK(ascii::iequals("Content-Length", "content-length"));
    CHECK(ascii::iequals(".PNG", ".png"));
    CHECK(ascii::iequals("", ""));
    CHECK_FALSE(ascii::iequals("content-length", "content-lengths"));
    CHECK_FALSE(ascii::iequals("É", "é"));
    CHECK_FALSE(
        ascii::iequals("[", "{"));  // 0x5B and 0x7B differ by the case bit, but are not letters
    static_assert(ascii::iequals("Range", "RANGE"));
}
