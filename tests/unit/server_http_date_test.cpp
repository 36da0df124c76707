// The Date header's value (server/http_date.hpp): RFC 9110's IMF-fixdate, whatever the locale.

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <string>

#include "server/http_date.hpp"

TEST_CASE("http date: IMF-fixdate, in GMT, with English names") {
    CHECK(news::format_http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 9110's
    CHECK(news::format_http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(news::format_http_date(951782400) == "Tue, 29 Feb 2000 00:00:00 GMT");
    CHECK(news::format_http_date(4102444799) == "Thu, 31 Dec 2099 23:59:59 GMT");
}

TEST_CASE("http date: now is now, to the second") {
    const auto before = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    const std::string now(news::http_date_now());
    const auto after = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    CHECK((now == news::format_http_date(before) || now == news::format_http_date(after)));
    CHECK(now.ends_with(" GMT"));
    CHECK(now.size() == 29);
}

TEST_CASE("http date: the three forms a recipient must accept are read, nothing else") {
    using news::parse_http_date;
    const std::time_t in_2026 = 1796601600;  // 2026-12-07
    CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
    CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", in_2026) == 784111777);
    CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777);
    // RFC 850's two-digit years: up to 50 years ahead, else the century before.
    CHECK(parse_http_date("Monday, 01-Jan-24 00:00:00 GMT", in_2026) == 1704067200);
    CHECK(parse_http_date("Wednesday, 01-Jan-76 00:00:00 GMT", in_2026) ==
          parse_http_date("Wed, 01 Jan 2076 00:00:00 GMT"));
    CHECK(parse_http_date("Saturday, 01-Jan-77 00:00:00 GMT", in_2026) == 220924800);  // 1977
    CHECK(parse_http_date("Thursday, 01-Jan-70 00:00:00 GMT", 86400 * 365) == 0);
    for (const std::time_t t : {std::time_t{0}, std::time_t{951782400}, std::time_t{4102444799}}) {
        CHECK(parse_http_date(news::format_http_date(t)) == t);
    }

    for (const char* bad :
         {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC",
          "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
          "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT",
          "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun Nov  6 08:49:37 94",
          "Sunday, 06-Nov-1994 08:49:37 GMT", "1994-11-06T08:49:37Z"}) {
        CHECK_MESSAGE(!parse_http_date(bad), bad);
    }
}
