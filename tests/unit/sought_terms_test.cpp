// The terms a query looks for (core/search/sought_terms.hpp).
#include "core/search/sought_terms.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

namespace {

std::set<std::string> sought(const std::string& text) {
    Xapian::QueryParser qp;
    return news::sought_terms(qp.parse_query(
        text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT));
}

using Terms = std::set<std::string>;

}  // namespace

TEST_CASE("sought terms: every term but the excluded ones") {
    CHECK(sought("cocoa drought") == Terms{"cocoa", "drought"});
    CHECK(sought("cocoa -drought") == Terms{"cocoa"});
    CHECK(sought("cocoa NOT drought") == Terms{"cocoa"});
    CHECK(sought("NOT drought").empty());
    CHECK(sought("cocoa -(drought OR rain)") == Terms{"cocoa"});
    CHECK(sought("(cocoa -drought) OR rain") == Terms{"cocoa", "rain"});
    CHECK(sought("\"cocoa zone\" -drought") == Terms{"cocoa", "zone"});
    // A word both sought and excluded elsewhere is sought.
    CHECK(sought("drought OR (cocoa -drought)") == Terms{"cocoa", "drought"});
}

TEST_CASE("sought terms: the same as Xapian's unique terms when nothing is excluded") {
    for (const char* text : {"a b c", "\"a b\" OR c", "a AND (b OR c) AND d", "a NEAR b", ""}) {
        CAPTURE(text);
        Xapian::QueryParser qp;
        const Xapian::Query q = qp.parse_query(text);
        const Terms xapian(q.get_unique_terms_begin(), q.get_unique_terms_end());
        CHECK(news::sought_terms(q) == xapian);
    }
}
