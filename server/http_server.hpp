#pragma once
// httplib::Server with our connection handling: httplib accepts, parses requests, routes them
// and writes responses; the connections themselves (keep-alive, pipelining, timeouts, ending
// one after a refused request) are served by server/event_loop's few workers instead of one
// library thread per connection.

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>

#include "server/event_loop.hpp"

namespace news {

class HttpServer : public httplib::Server {
  public:
    // Answers a request itself and returns true, or returns false having read nothing, and the
    // request goes through httplib (see SearchFastPath). Sets `closed` as process_request does.
    using FastPath = std::function<bool(ConnectionStream& stream, bool& closed)>;

    // `workers`: threads that read requests and write responses (each runs one at a time);
    // `poll`: how long one asks for its next request before sleeping (EventLoopOptions::poll).
    HttpServer(int workers, std::chrono::microseconds poll);
    ~HttpServer() override;

    // Tried before httplib on every request but a connection's last. Set before listening.
    void set_fast_path(FastPath fast_path) { fast_path_ = std::move(fast_path); }

  private:
    class LoopQueue;

    // Overrides the library's (private, virtual) per-connection loop: the socket goes to the
    // event loop instead.
    bool process_and_close_socket(socket_t sock) override;

    bool serve(ConnectionStream& stream, bool last, bool& closed);

    int workers_;
    std::chrono::microseconds poll_;
    FastPath fast_path_;
    std::unique_ptr<EventLoop> loop_;
};

}  // namespace news
