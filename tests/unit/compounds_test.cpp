// Two-part hyphenated words (core/text/compounds.hpp).
#include "core/text/compounds.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> joined(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& c : news::hyphen_compounds(text)) {
        CHECK(c.begin < c.end);
        CHECK(c.end <= text.size());
        out.push_back(c.joined);
    }
    return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("compounds: two parts joined by one hyphen, lower-cased and joined") {
    CHECK(joined("A start-up in Tokyo.") == Words{"startup"});
    CHECK(joined("E-mail, F-35 jets, COVID-19 and the G-7.") ==
          Words{"email", "f35", "covid19", "g7"});
    CHECK(joined("start-up's plan") == Words{"startup"});
    CHECK(joined("re-run re-run") == Words{"rerun", "rerun"});
    CHECK(joined("x-y") == Words{"xy"});
    const auto c = news::hyphen_compounds("A start-up.");
    REQUIRE(c.size() == 1);
    CHECK(c[0].begin == 2);
    CHECK(c[0].end == 10);
}

TEST_CASE("compounds: chains, dashes, numbers and other scripts are left alone") {
    CHECK(joined("state-of-the-art design").empty());
    CHECK(joined("mother-in-law and start-up") == Words{"startup"});
    CHECK(joined("Nissan -Foxconn").empty());
    CHECK(joined("Nissan - Foxconn").empty());
    CHECK(joined("Nissan--Foxconn").empty());
    CHECK(joined("a--b-c") == Words{"bc"});
    CHECK(joined("-start-up") == Words{"startup"});  // a dash before it joins nothing
    CHECK(joined("2020-21 season").empty());
    CHECK(joined("naïve-ish").empty());
    CHECK(joined("snake_case-word").empty());
    CHECK(joined("trailing- hyphen").empty());
    CHECK(joined(std::string(40, 'a') + "-" + std::string(25, 'b')).empty());  // 65 letters
    CHECK(joined(std::string(40, 'a') + "-" + std::string(24, 'b')).size() == 1);
    CHECK(joined("").empty());
    CHECK(joined("-").empty());
}
