#pragma once
// The HTTP server's connection loop, run by us instead of cpp-httplib's so that a connection can
// be ended after a response. cpp-httplib reads no body of a GET or HEAD, nor of a request it or we
// refuse before routing, and keeps the connection alive: the leftover bytes would be parsed as the
// next request on the connection (request smuggling). Such a response is still written in full;
// then the connection ends with a "lingering close".

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace news {

struct LingerLimits {
    std::chrono::milliseconds time{1000};  // how long to wait for the client to finish sending
    std::size_t bytes = 8u << 20;          // how much of its unread input to read and discard
};

// Called on a connection's thread while a request is handled (any hook): once the response to
// it is written, the connection ends instead of reading another request. The writing side is
// shut (FIN after the response), what the client still sends is read and discarded within
// `limits` (closing with unread input would send a reset that can destroy the response before
// the client reads it), and the socket is closed.
void end_connection_after_response(const LingerLimits& limits);

// httplib::Server whose connections honour end_connection_after_response(). Everything else
// (routing, hooks, timeouts, keep-alive limits, the thread pool) is the library's.
class HttpServer : public httplib::Server {
  private:
    // Overrides the library's (private, virtual) per-connection loop, which gives handlers no
    // way to end a connection.
    bool process_and_close_socket(socket_t sock) override;
};

}  // namespace news
