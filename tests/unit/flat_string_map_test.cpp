// FlatStringMap must behave as a map: every key added is found with its value, keys never
// added are not, across growth and clear, including keys whose hashes share a slot.

#include "core/text/flat_string_map.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace {

std::string key_of(int i) {
    std::string k("word");  // (not "word" + ...: GCC 12 warns falsely on it at -O3)
    k += std::to_string(i);
    if (i % 7 == 0) k += std::string(40, 'x');  // some keys too long for the small string
    return k;
}

}  // namespace

TEST_CASE("flat string map: finds what was added, with its value, across growth") {
    news::FlatStringMap<int> map;
    std::map<std::string, int> expected;
    CHECK(map.find("absent") == nullptr);
    for (int i = 0; i < 5000; ++i) {
        const auto [value, added] = map.try_emplace(key_of(i));
        CHECK(added);
        CHECK(*value == 0);  // value-initialised
        *value = i * 3;
        expected[key_of(i)] = i * 3;
    }
    CHECK(map.size() == expected.size());
    for (const auto& entry : expected) {  // (no structured binding: clang 14 cannot capture it)
        const int* found = map.find(entry.first);
        REQUIRE_MESSAGE(found != nullptr, entry.first);
        CHECK(*found == entry.second);
    }
    for (int i = 5000; i < 6000; ++i) CHECK(map.find(key_of(i)) == nullptr);
    CHECK(map.find("") == nullptr);
    CHECK(map.find("word") == nullptr);  // a prefix of every key
}

TEST_CASE("flat string map: try_emplace of a known key keeps its value") {
    news::FlatStringMap<unsigned> counts;
    for (const char* w : {"the", "cat", "the", "sat", "the", "cat", ""})
        ++*counts.try_emplace(w).first;
    CHECK(counts.size() == 4);
    CHECK(*counts.find("the") == 3);
    CHECK(*counts.find("cat") == 2);
    CHECK(*counts.find("sat") == 1);
    CHECK(*counts.find("") == 1);  // the empty string is a key like any other
    const auto [again, added] = counts.try_emplace("the");
    CHECK_FALSE(added);
    CHECK(*again == 3);
    // Entries come in the order they were first added.
    REQUIRE(counts.entries().size() == 4);
    CHECK(counts.entries()[0].first == "the");
    CHECK(counts.entries()[1].first == "cat");
    CHECK(counts.entries()[3].first.empty());
}

TEST_CASE("flat string map: clear forgets every key, and the map fills again") {
    news::FlatStringMap<std::string> map;
    for (int i = 0; i < 300; ++i) *map.try_emplace(key_of(i)).first = key_of(i + 1);
    map.clear();
    CHECK(map.empty());
    for (int i = 0; i < 300; ++i) CHECK(map.find(key_of(i)) == nullptr);
    for (int i = 0; i < 300; i += 2) *map.try_emplace(key_of(i)).first = "again";
    CHECK(map.size() == 150);
    CHECK(*map.find(key_of(298)) == "again");
    CHECK(map.find(key_of(299)) == nullptr);
}
