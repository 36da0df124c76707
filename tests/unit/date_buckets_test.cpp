// The date histogram's buckets: years or months, each with the day range a client narrows to.
#include "core/search/date_buckets.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

using nlohmann::json;

int month(int year, int m) {
    return year * 12 + m - 1;
}

}  // namespace

TEST_CASE("date buckets: a day's month, within the years dates are written in") {
    CHECK(news::day_month(0) == month(1970, 1));
    CHECK(news::day_month(31) == month(1970, 2));  // 1970-02-01
    CHECK(news::day_month(-1) == month(1969, 12));
    CHECK(news::day_month(19'782) == month(2024, 2));  // 2024-02-29
    CHECK(news::day_month(19'783) == month(2024, 3));
    CHECK(news::day_month(-354'285) == month(1000, 1));    // 1000-01-01
    CHECK_FALSE(news::day_month(-354'286).has_value());    // 999-12-31
    CHECK(news::day_month(2'932'896) == month(9999, 12));  // 9999-12-31
    CHECK_FALSE(news::day_month(2'932'897).has_value());   // 10000-01-01
}

TEST_CASE("date buckets: months within one year, empty ones left out, with their day ranges") {
    const std::vector<int> months{month(2024, 1), month(2024, 2), month(2024, 3), month(2024, 12)};
    const std::vector<std::size_t> counts{0, 4, 0, 2};
    CHECK(
        news::date_buckets(months, counts) ==
        json::parse(R"([{"value": "2024-02", "count": 4, "from": "2024-02-01", "to": "2024-02-29"},
                          {"value": "2024-12", "count": 2, "from": "2024-12-01", "to": "2024-12-31"}])"));
    const std::vector<std::size_t> february{0, 0, 0, 0};
    CHECK(news::date_buckets(months, february) == json::array());
    CHECK(news::date_buckets({}, {}) == json::array());
    const std::vector<int> one{month(2023, 2)};
    const std::vector<std::size_t> three{3};
    CHECK(news::date_buckets(one, three)[0]["to"] == "2023-02-28");  // not a leap year
}

TEST_CASE("date buckets: years when the months span more than one, each year's months added") {
    const std::vector<int> months{month(1987, 3), month(1987, 10), month(1994, 6), month(1999, 1)};
    const std::vector<std::size_t> counts{5, 2, 1, 0};
    CHECK(news::date_buckets(months, counts) ==
          json::parse(R"([{"value": "1987", "count": 7, "from": "1987-01-01", "to": "1987-12-31"},
                          {"value": "1994", "count": 1, "from": "1994-01-01", "to": "1994-12-31"}])"));
    // Only the counted months decide: with 1987 alone counted, its months are listed.
    const std::vector<std::size_t> only_1987{5, 2, 0, 0};
    const json by_month = news::date_buckets(months, only_1987);
    REQUIRE(by_month.size() == 2);
    CHECK(by_month[0]["value"] == "1987-03");
    CHECK(by_month[1]["value"] == "1987-10");
    CHECK(by_month[1]["to"] == "1987-10-31");
    // Years of the first millennium written in: four digits.
    const std::vector<int> early{month(1000, 1), month(1066, 10)};
    const std::vector<std::size_t> both{1, 1};
    CHECK(news::date_buckets(early, both)[0]["from"] == "1000-01-01");
}

TEST_CASE("date buckets: decades when the months span more years than a list should hold") {
    // 1990 to 2009 is twenty years: listed year by year.
    const std::vector<int> twenty{month(1990, 1), month(2009, 12)};
    const std::vector<std::size_t> ones{1, 1};
    const json years = news::date_buckets(twenty, ones);
    REQUIRE(years.size() == 2);
    CHECK(years[0]["value"] == "1990");
    CHECK(years[1]["value"] == "2009");
    // 1987 to 2010 is twenty-four: by decade, each decade's months added.
    const std::vector<int> months{month(1987, 3), month(2009, 6), month(2009, 7), month(2010, 1)};
    const std::vector<std::size_t> counts{5, 2, 1, 1};
    CHECK(news::date_buckets(months, counts) ==
          json::parse(R"([{"value": "1980s", "count": 5, "from": "1980-01-01", "to": "1989-12-31"},
                          {"value": "2000s", "count": 3, "from": "2000-01-01", "to": "2009-12-31"},
                          {"value": "2010s", "count": 1, "from": "2010-01-01", "to": "2019-12-31"}])"));
}
