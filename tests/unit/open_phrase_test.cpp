// Finding the half-typed phrase a search-as-you-type query ends in (core/search/open_phrase.cpp).
#include "core/search/open_phrase.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

// "before|field|words|last", or "none".
std::string split(std::string_view text) {
    const auto p = news::open_phrase(text);
    return p ? p->before + "|" + p->field + "|" + p->words + "|" + p->last : "none";
}

}  // namespace

TEST_CASE("open_phrase: the open quote's words, its field, and the half-typed last word") {
    CHECK(split("\"electric veh") == "||electric |veh");
    CHECK(split("Nissan title:\"electric veh") == "Nissan |title|electric |veh");
    CHECK(split("\"veh") == "|||veh");
    CHECK(split("\"a b\" \"electric veh") == "\"a b\" ||electric |veh");
    CHECK(split("x:\"electric veh") == "|x|electric |veh");  // a field the caller may not know
    CHECK(split(":\"electric veh") == ":||electric |veh");
}

TEST_CASE("open_phrase: nothing when the phrase is closed, ends in a space, or is absent") {
    CHECK(split("\"electric vehicle\"") == "none");
    CHECK(split("\"electric ") == "none");
    CHECK(split("\"") == "none");
    CHECK(split("electric veh") == "none");
    CHECK(split("") == "none");
    CHECK(split("\"a\" \"b\" veh") == "none");
}
