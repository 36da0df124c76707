#pragma once
// Percent-encoding of one query-string value: every byte but RFC 3986's unreserved characters
// becomes %XX. The server decodes query strings with cpp-httplib; this is for the programs that
// build request URLs by hand (the bench's load generator, the tests), so that they encode a
// query exactly one way, the way the test of this file checks the server decodes.

#include <string>
#include <string_view>

namespace news {

std::string percent_encode(std::string_view value);

}  // namespace news
