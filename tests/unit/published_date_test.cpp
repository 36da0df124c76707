// Dates in a feed's date text (core/model/published_date.hpp).
#include "core/model/published_date.hpp"

#include <doctest/doctest.h>

#include <limits>

namespace {

std::string date(std::string_view text) {
    return news::published_date(text).value_or("none");
}

}  // namespace

TEST_CASE("published date: ISO 8601 and year-first forms, the date as written") {
    CHECK(date("2024-01-05") == "2024-01-05");
    CHECK(date("2024-01-05T23:30:00-05:00") == "2024-01-05");
    CHECK(date("2024-01-05 10:00") == "2024-01-05");
    CHECK(date("2024/01/05") == "2024-01-05");
    CHECK(date("2024-02-29") == "2024-02-29");
    CHECK(date("2023-02-29") == "none");
    CHECK(date("2024-13-01") == "none");
    CHECK(date("2024-01-051") == "none");
    CHECK(date("2024/01-05") == "none");
    CHECK(date("2024-1-5") == "none");
}

TEST_CASE("published date: RFC 2822, as RSS writes it, and day-first written dates") {
    CHECK(date("Fri, 05 Jan 2024 10:00:00 GMT") == "2024-01-05");
    CHECK(date("Fri, 5 Jan 2024 10:00:00 +0000") == "2024-01-05");
    CHECK(date("5 January 2024") == "2024-01-05");
    CHECK(date("05-Jan-2024") == "2024-01-05");
    CHECK(date("31 September 2024") == "none");
}

TEST_CASE("published date: month-first written dates, abbreviated or not, any case") {
    CHECK(date("January 5, 2024") == "2024-01-05");
    CHECK(date("Jan. 5, 2024") == "2024-01-05");
    CHECK(date("jan 5 2024") == "2024-01-05");
    CHECK(date("Sept. 30, 2024") == "2024-09-30");
    CHECK(date("Friday, January 5, 2024 10:00 AM ET") == "2024-01-05");
    CHECK(date("DECEMBER 31, 1999") == "1999-12-31");
}

TEST_CASE("published date: what cannot be placed exactly is refused") {
    CHECK(date("") == "none");
    CHECK(date("2 days ago") == "none");
    CHECK(date("01/05/2024") == "none");  // 5 January or 1 May
    CHECK(date("January 2024") == "none");
    CHECK(date("Jan 5") == "none");
    CHECK(date("Janu 5, 2024") == "none");
    CHECK(date("Foo 5, 2024") == "none");
    CHECK(date("Friday") == "none");
    CHECK(date("5 Jan 24") == "none");
    CHECK(date("Jan 123, 2024") == "none");
    CHECK(date("Updated: Jan 5, 2024") == "none");
}

TEST_CASE("published date: a Unix time in seconds or milliseconds, as a UTC date") {
    CHECK(news::unix_time_date(0) == "1970-01-01");
    CHECK(news::unix_time_date(1704412800) == "2024-01-05");
    CHECK(news::unix_time_date(1704499199.9) == "2024-01-05");
    CHECK(news::unix_time_date(1704412800123.0) == "2024-01-05");
    CHECK_FALSE(news::unix_time_date(-1));
    CHECK_FALSE(news::unix_time_date(1e20));
    CHECK_FALSE(news::unix_time_date(std::numeric_limits<double>::quiet_NaN()));
}

TEST_CASE("published date: an ISO date as days since 1970, for the date slot and filters") {
    CHECK(news::iso_date_days("1970-01-01") == 0);
    CHECK(news::iso_date_days("1970-01-02T23:59:59Z") == 1);  // what follows the date is ignored
    CHECK(news::iso_date_days("1969-12-31") == -1);
    CHECK(news::iso_date_days("2024-02-29") == 19'782);  // a leap day
    CHECK(news::iso_date_days("2000-03-01").value() - news::iso_date_days("2000-02-28").value() ==
          2);
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "2024/01/05",
                            "20240105", "2024-01-0x", "", "2024-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(news::iso_date_days(bad));
    }
}

TEST_CASE("published date: days since 1970 back to an ISO date") {
    CHECK(news::days_iso_date(0) == "1970-01-01");
    CHECK(news::days_iso_date(-1) == "1969-12-31");
    CHECK(news::days_iso_date(19'782) == "2024-02-29");
    for (const char* iso : {"1000-01-01", "1987-02-26", "2000-02-29", "9999-12-31"}) {
        CAPTURE(iso);
        CHECK(news::days_iso_date(news::iso_date_days(iso).value()) == iso);
    }
    CHECK_FALSE(news::days_iso_date(news::iso_date_days("1000-01-01").value() - 1));
    CHECK_FALSE(news::days_iso_date(news::iso_date_days("9999-12-31").value() + 1));
    CHECK_FALSE(news::days_iso_date(-1'000'000'000L));
}
