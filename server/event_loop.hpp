#pragma once
// The server's connections, served by a few worker threads instead of one thread per
// connection. Each worker has its own epoll set and its own connections: it answers whichever
// of them has a request ready and goes straight on to the next ready one without sleeping, so
// that under load a core runs request after request on a warm cache, with no lock and no
// hand-over between threads, and an idle keep-alive connection costs no thread at all.
// A new connection goes to the worker with the fewest.

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "server/http_connection.hpp"

namespace news {

struct EventLoopOptions {
    int workers = 4;
    ConnectionLimits limits;
};

class EventLoop {
  public:
    EventLoop(EventLoopOptions options, ServeRequest serve);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    // Takes over an accepted socket (and closes it in the end). Any thread.
    void add(int fd);
    // Lets the workers finish the requests they are answering, then closes every connection.
    void stop();

  private:
    class Worker;

    EventLoopOptions options_;
    ServeRequest serve_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::atomic<std::size_t> next_{0};  // where the search for the least busy worker starts
};

}  // namespace news
