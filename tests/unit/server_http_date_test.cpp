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
