#pragma once
// The server's connections, served by a few worker threads instead of one thread per
// connection. Each worker has its own epoll set and its own connections: it answers whichever
// of them has a request ready and goes straight on to the next ready one without sleeping, so
// that under load a core runs request after request on a warm cache, with no lock and no
// hand-over between threads, and an idle keep-alive connection costs no thread at all.
// A new connection goes to the worker with the fewest.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include "server/http_connection.hpp"

namespace news {

struct EventLoopOptions {
    int workers = 4;
    ConnectionLimits limits;
    // After answering, a worker asks for more work without sleeping for up to this long, while
    // poll_pays() holds (see below). 0 = always sleep.
    std::chrono::microseconds poll{0};
};

// Whether polling for the next request is worth its CPU: only while the server holds fewer
// connections than it has workers (one per core by default), so that a core would otherwise sit
// idle. A worker that sleeps between the requests of one client pays a thread wake-up per
// request, which on a virtual machine costs about as much as a small search; with more clients
// than cores, a polling worker would only take CPU from the others.
constexpr bool poll_pays(int open_connections, int workers) {
    return open_connections < workers;
}

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

    // How often a polling worker found work before it would have gone to sleep.
    std::size_t poll_hits() const { return poll_hits_.load(std::memory_order_relaxed); }

  private:
    class Worker;

    EventLoopOptions options_;
    ServeRequest serve_;
    // Before the workers, which use them until they are joined.
    std::atomic<int> open_{0};  // connections held by all workers
    std::atomic<std::size_t> poll_hits_{0};
    std::vector<std::unique_ptr<Worker>> workers_;
    std::atomic<std::size_t> next_{0};  // where the search for the least busy worker starts
};

}  // namespace news
