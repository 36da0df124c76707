#pragma once
// A request's header, every field of it: a list header (Accept-Encoding, If-None-Match ...) may
// come in several fields, which mean the same as one field of their values joined by commas
// (RFC 9110, 5.3). cpp-httplib's get_header_value gives only the first.

#include <string>

namespace httplib {
struct Request;
}  // namespace httplib

namespace news {

// All the values of `name` in the request, joined by commas; empty when it has none.
std::string header_values(const httplib::Request& req, const char* name);

}  // namespace news
