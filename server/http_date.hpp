#pragma once
// The Date header every response carries: an origin server with a clock must send it (RFC 9110,
// 6.6.1), and caches reckon a response's age from it.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace news {

// `t` as an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::time_t t);

// An HTTP date in any of the three forms a recipient must accept (RFC 9110, 5.6.7): IMF-fixdate,
// RFC 850's "Sunday, 06-Nov-94 08:49:37 GMT" and asctime's "Sun Nov  6 08:49:37 1994"; nullopt
// when it is none of them (If-Modified-Since is then ignored, as the RFC says). RFC 850's
// two-digit year is the one nearest `now` that is not more than 50 years after it.
std::optional<std::time_t> parse_http_date(std::string_view text, std::time_t now);
std::optional<std::time_t> parse_http_date(std::string_view text);  // as of the current time

// The current time as an IMF-fixdate. Formatted once a second per thread: the view stays valid
// until this thread asks again.
std::string_view http_date_now();

}  // namespace news
