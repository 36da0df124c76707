#pragma once
// Ends an HTTP connection after the response to a request whose body the HTTP library left
// unread (a GET or HEAD with a body, or a request refused before its body was read). cpp-httplib
// reads no body of a GET or HEAD and keeps the connection alive, so the leftover bytes would be
// parsed as the next request on the connection: request smuggling. The response must still go
// out, so the connection is ended only after it has been written.

#include <chrono>
#include <cstddef>

namespace httplib {
struct Request;
}

namespace news {

struct LingerLimits {
    std::chrono::milliseconds time{1000};  // how long to wait for the client to finish sending
    std::size_t bytes = 8u << 20;          // how much of its unread body to read and discard
};

// Runs on the connection's own thread, after the response was written (the library's logger
// hook). Sends the end of the response stream (FIN), reads and discards what the client still
// sends, within `limits`, and then swaps the socket for one that reads as closed, so that the
// library ends the connection without parsing another byte from it. Finding no socket for the
// request (the client already left) is not an error.
void end_connection_after_response(const httplib::Request& req, const LingerLimits& limits);

}  // namespace news
