#pragma once
// httplib::Server with our connection handling: httplib accepts, parses requests, routes them
// and writes responses; the connections themselves (keep-alive, pipelining, timeouts, ending
// one after a refused request) are served by server/event_loop's few workers instead of one
// library thread per connection.

#include <httplib.h>

#include <memory>

#include "server/event_loop.hpp"

namespace news {

class HttpServer : public httplib::Server {
  public:
    // `workers`: threads that read requests and write responses (each runs one at a time).
    explicit HttpServer(int workers);
    ~HttpServer() override;

  private:
    class LoopQueue;

    // Overrides the library's (private, virtual) per-connection loop: the socket goes to the
    // event loop instead.
    bool process_and_close_socket(socket_t sock) override;

    int workers_;
    std::unique_ptr<EventLoop> loop_;
};

}  // namespace news
