#pragma once
// One client connection's life between requests: read until a whole request head is buffered,
// have it answered, send the response as fast as the socket takes it, and then read the next
// request, end the connection, or end it with a lingering close. Nothing here waits: step() does
// what can be done now and says what the connection waits for next; the event loop waits.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>

#include "server/connection_end.hpp"
#include "server/connection_stream.hpp"

namespace news {

struct ConnectionLimits {
    std::chrono::milliseconds read_timeout{5000};   // silence allowed inside a request head
    std::chrono::milliseconds write_timeout{5000};  // time allowed without write progress
    std::chrono::milliseconds keep_alive{5000};     // idle time allowed between requests
    std::size_t max_requests = 100;                 // requests per connection
};

// Parses one request from the stream, runs its handler and writes the response: httplib's
// Server::process_request. `last` asks it to close the connection; it sets `closed` when the
// client asked for that. False when the request could not be read or answered.
using ServeRequest = std::function<bool(ConnectionStream& stream, bool last, bool& closed)>;

class HttpConnection {
  public:
    enum class Wait { Read, Write, Close };
    using Clock = std::chrono::steady_clock;

    // Takes over the socket; the destructor closes it.
    HttpConnection(int fd, const ConnectionLimits& limits, const ServeRequest& serve);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    int fd() const { return fd_; }
    // When the connection is to be closed if step() has not run again by then.
    Clock::time_point deadline() const { return deadline_; }
    // Serves whatever the socket allows now.
    Wait step();

  private:
    enum class Phase { Reading, Writing, Draining };
    // What follows once a response has left: the next request, the end, or a lingering close.
    enum class Then { Read, Close, Linger };

    Wait read_requests();
    Wait write_pending();
    Wait after_response();
    Wait drain();

    int fd_;
    const ConnectionLimits& limits_;
    const ServeRequest& serve_;
    ConnectionStream stream_;
    std::size_t requests_left_;
    Phase phase_ = Phase::Reading;
    Then then_ = Then::Read;
    std::optional<LingerLimits> linger_;
    std::size_t drained_ = 0;
    Clock::time_point deadline_;
};

}  // namespace news
