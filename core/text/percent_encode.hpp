#pragma once
// Percent-encoding of one query-string value or path segment: every byte but RFC 3986's
// unreserved characters becomes %XX. The server decodes query strings with cpp-httplib; this is
// for the URLs built by hand (an article's address in the API, the bench's load generator, the
// tests), so that they encode exactly one way, the way the test of this file checks the server
// decodes.

#include <string>
#include <string_view>

namespace news {

std::string percent_encode(std::string_view value);

// Each %XX (hex digits of either case) as its byte; a '%' not followed by two hex digits, and
// '+', stay as they are (a path segment, not a form value).
std::string percent_decode(std::string_view text);

}  // namespace news
