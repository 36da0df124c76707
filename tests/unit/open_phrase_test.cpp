// Finding the half-typed phrase a search-as-you-type query ends in (core/search/open_phrase.cpp).
#include "core/search/open_phrase.hpp"

#include <doctest/doctest.h>

#include <array>
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

namespace {

// "rest|link" as link_of splits `before`, or "none".
std::string linked(std::string_view before) {
    const auto l = news::link_of(before);
    if (!l) return "none";
    static constexpr std::array<const char*, 6> kNames = {"default", "and",     "or",
                                                          "xor",     "exclude", "require"};
    return std::string(l->rest) + "|" + kNames[static_cast<std::size_t>(l->link)];
}

}  // namespace

TEST_CASE("link_of: the operator that joins the phrase to what was typed before it") {
    CHECK(linked("") == "|default");
    CHECK(linked("Nissan ") == "Nissan |default");
    CHECK(linked("Nissan and ") == "Nissan and |default");  // lower case: a word
    CHECK(linked("ORACLE ") == "ORACLE |default");
    CHECK(linked("-") == "|exclude");
    CHECK(linked("Nissan -") == "Nissan|exclude");
    CHECK(linked("-Oppama Nissan  -") == "-Oppama Nissan|exclude");
    CHECK(linked("+") == "|require");
    CHECK(linked("Nissan +") == "Nissan|require");
    CHECK(linked("-Oppama +") == "-Oppama|require");
    CHECK(linked("Nissan AND ") == "Nissan|and");
    CHECK(linked("Nissan Oppama OR") == "Nissan Oppama|or");
    CHECK(linked("Nissan XOR ") == "Nissan|xor");
    CHECK(linked("NOT ") == "|exclude");
    CHECK(linked("Nissan NOT ") == "Nissan|exclude");
    CHECK(linked("Nissan AND NOT ") == "Nissan|exclude");
}

TEST_CASE("link_of: nothing where parsing the two apart would change the query's meaning") {
    for (const char* before :
         {"Nissan OR Foxconn AND ", "(Nissan Foxconn) -", "a NEAR ", "a ADJ ", "AND ", "OR ",
          "AND NOT ", "+Nissan +", "Nissan - ", "Nissan-", "a OR b NOT "}) {
        CAPTURE(before);
        CHECK(linked(before) == "none");
    }
}
