#pragma once
// Recognises, in the bytes buffered on a connection, a plain GET of one path with a query: the
// only kind of request the search fast path (server/search_fast_path.hpp) answers itself.
// Whatever is not recognised goes to cpp-httplib, which answers every request, errors included,
// so the rules here are narrow on purpose: in doubt, a request is not plain.

#include <cstddef>
#include <optional>
#include <string_view>

namespace news {

struct PlainGet {
    std::string_view query;            // the raw query string after '?', not yet decoded
    std::size_t head_bytes = 0;        // request line, headers and the blank line
    bool close = false;                // the client sent "Connection: close"
    std::string_view accept_encoding;  // its Accept-Encoding value, empty when it sent none
};

// `buffered` starts at a request. It is plain when its whole head is buffered, is at most
// `max_head` bytes (counting two more per header, so that no request limit of the full path
// can be reached), and has:
//   - the request line "GET <path>?<query> HTTP/1.1", printable ASCII without spaces;
//   - well-formed "Name: value" headers: a token, a colon, the value without control characters
//     and without trailing blanks;
//   - none of the headers that change the answer or the connection: a body (Content-Length,
//     Transfer-Encoding, Expect), CORS (Origin), Range, or a second Connection header.
std::optional<PlainGet> read_plain_get(std::string_view buffered, std::string_view path,
                                       std::size_t max_head);

}  // namespace news
