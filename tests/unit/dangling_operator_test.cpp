// Search-as-you-type: an operator still waiting for its right side
// (core/search/dangling_operator.cpp).
#include "core/search/dangling_operator.hpp"

#include <doctest/doctest.h>

#include <string>

using news::without_dangling_operator;

TEST_CASE("without_dangling_operator: the query before an operator with nothing after it") {
    CHECK(without_dangling_operator("Nissan AND") == "Nissan");
    CHECK(without_dangling_operator("Nissan AND ") == "Nissan");
    CHECK(without_dangling_operator("Nissan OR") == "Nissan");
    CHECK(without_dangling_operator("Nissan XOR") == "Nissan");
    CHECK(without_dangling_operator("Nissan NOT") == "Nissan");
    CHECK(without_dangling_operator("Nissan AND NOT ") == "Nissan");
    CHECK(without_dangling_operator("Foxconn Nissan  NEAR") == "Foxconn Nissan");
    CHECK(without_dangling_operator("title:Nissan ADJ") == "title:Nissan");
    CHECK(without_dangling_operator("\"electric vehicles\" OR") == "\"electric vehicles\"");
    CHECK(without_dangling_operator("(Nissan OR Foxconn) AND") == "(Nissan OR Foxconn)");
}

TEST_CASE("without_dangling_operator: the text itself when no operator dangles") {
    for (const char* text :
         {"", "Nissan", "Nissan ", "Nissan AND Foxconn", "Nissan and", "Nissan ANDROID",
          "Nissan-AND", "AND", " AND", "NOT ", "- AND", "Nissan OR Foxconn", "ORACLE"}) {
        CAPTURE(text);
        CHECK(without_dangling_operator(text) == text);
    }
}
