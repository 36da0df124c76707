#pragma once
// Ending a connection after a response. cpp-httplib reads no body of a GET or HEAD, nor of a
// request it or we refuse before routing, and keeps the connection alive: the leftover bytes
// would be parsed as the next request on the connection (request smuggling). Such a response is
// still written in full; then the connection ends with a "lingering close" (server/event_loop).

#include <chrono>
#include <cstddef>
#include <optional>

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

// For the connection loop, after each request: the limits if the request asked for the end of
// its connection (and the request is forgotten), nothing otherwise.
std::optional<LingerLimits> take_end_request();

}  // namespace news
