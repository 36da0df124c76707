#pragma once
// A request's header, every field of it: a list header (Accept-Encoding, If-None-Match ...) may
// come in several fields, which mean the same as one field of their values joined by commas
// (RFC 9110, 5.3). cpp-httplib's get_header_value gives only the first.

#include <string>
#include <string_view>

namespace httplib {
struct Request;
}  // namespace httplib

namespace news {

// All the values of `name` in the request, joined by commas; empty when it has none.
std::string header_values(const httplib::Request& req, const char* name);

// `s` without the blanks (spaces and tabs, RFC 9110's OWS) at either end.
std::string_view trim_blanks(std::string_view s);

// The part of `rest` before `sep` (all of it when absent), without blanks at either end; `rest`
// keeps what follows `sep`. Walks a list header ("gzip, br;q=0.5") item by item and, with ';'
// and '=', an item's parameters.
std::string_view take_item(std::string_view& rest, char sep);

}  // namespace news
