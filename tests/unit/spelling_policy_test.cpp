// Which spelling corrections a search applies (core/search/spelling_policy.hpp).
#include "core/search/spelling_policy.hpp"

#include <doctest/doctest.h>

TEST_CASE("spelling policy: edit distance counts a swap of neighbours as one edit") {
    CHECK(news::edit_distance("", "") == 0);
    CHECK(news::edit_distance("", "abc") == 3);
    CHECK(news::edit_distance("abc", "") == 3);
    CHECK(news::edit_distance("nisan", "nissan") == 1);
    CHECK(news::edit_distance("cocao", "cocoa") == 1);
    CHECK(news::edit_distance("title", "time") == 2);
    CHECK(news::edit_distance("kitten", "sitting") == 3);
    CHECK(news::edit_distance("foxconn", "foxconn") == 0);
    CHECK(news::edit_distance("ab", "ba") == 1);
    CHECK(news::edit_distance("abc", "ca") == 3);  // a swap is not edited again
}

TEST_CASE("spelling policy: no typo under 4 characters, one up to 6, two from 7") {
    CHECK(news::typo_budget(0) == 0);
    CHECK(news::typo_budget(3) == 0);
    CHECK(news::typo_budget(4) == 1);
    CHECK(news::typo_budget(6) == 1);
    CHECK(news::typo_budget(7) == 2);
    CHECK(news::typo_budget(30) == 2);
}

TEST_CASE("spelling policy: a short word, a far guess or a stop word is refused") {
    CHECK(news::acceptable_correction("nisan", "nissan"));
    CHECK(news::acceptable_correction("foxcon", "foxconn"));
    CHECK(news::acceptable_correction("alevating", "alleviating"));
    CHECK(!news::acceptable_correction("fox", "fix"));        // under 4 characters
    CHECK(!news::acceptable_correction("title", "time"));     // two edits in 5 characters
    CHECK(!news::acceptable_correction("author", "auto"));    // two edits in 6 characters
    CHECK(!news::acceptable_correction("thier", "their"));    // a stop word
    CHECK(!news::acceptable_correction("oppama", "pyjama"));  // three edits
}

TEST_CASE("spelling policy: refused replacements are put back as typed") {
    CHECK(news::keep_acceptable_corrections("Foxcon Nisan", "foxconn nissan") == "foxconn nissan");
    CHECK(news::keep_acceptable_corrections("fox Nisan", "for nissan") == "fox nissan");
    CHECK(news::keep_acceptable_corrections("title:", "time:").empty());
    CHECK(news::keep_acceptable_corrections("\"fox\"", "\"for\"").empty());
    CHECK(
        news::keep_acceptable_corrections("Nisan -\"Foxcon plant\"", "nissan -\"foxconn plant\"") ==
        "nissan -\"foxconn plant\"");
    CHECK(news::keep_acceptable_corrections("  Nisan  AND fox ", "  nissan  AND for ") ==
          "  nissan  AND fox ");
    // Not the same words in the same places: Xapian's answer stands.
    CHECK(news::keep_acceptable_corrections("ab cd", "abcd") == "abcd");
}
