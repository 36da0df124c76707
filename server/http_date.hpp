#pragma once
// The Date header every response carries: an origin server with a clock must send it (RFC 9110,
// 6.6.1), and caches reckon a response's age from it.

#include <ctime>
#include <string>
#include <string_view>

namespace news {

// `t` as an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::time_t t);

// The current time as an IMF-fixdate. Formatted once a second per thread: the view stays valid
// until this thread asks again.
std::string_view http_date_now();

}  // namespace news
