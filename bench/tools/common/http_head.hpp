#pragma once
// Reads the head of an HTTP/1.1 response (status line and headers) as the load generator needs
// it: the status, the body's length and coding, and whether the server will close the connection.
// Pure, so that the rules are tested without a socket.

#include <cstddef>
#include <optional>
#include <string_view>

namespace bench {

struct ResponseHead {
    int status = 0;
    std::size_t content_length = 0;
    bool closes = false;        // "Connection: close", or an HTTP/1.0 reply without keep-alive
    bool gzipped = false;       // "Content-Encoding: gzip"
    std::size_t head_size = 0;  // bytes up to and including the blank line
};

// The end of the head ("\r\n\r\n") in `received`, or npos while it has not all arrived.
std::size_t head_end(std::string_view received);

// nullopt when the head is malformed, or when the body has no Content-Length (a chunked body is
// never sent by our server for a search, so the load generator counts it as a failure).
std::optional<ResponseHead> parse_response_head(std::string_view head);

}  // namespace bench
