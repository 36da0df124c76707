#include "server/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace news {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTickMs = 100;  // a worker wakes at least this often to close what is overdue
constexpr auto kSweepEvery = std::chrono::milliseconds(50);
// Matches httplib's own loop: even a keep-alive timeout of 0 waits briefly for the next request.
constexpr auto kMinKeepAlive = std::chrono::milliseconds(10);

std::system_error os_error(const char* what) {
    return {errno, std::generic_category(), what};
}

std::uint32_t interest(HttpConnection::Wait wait) {
    return wait == HttpConnection::Wait::Write ? EPOLLOUT : EPOLLIN | EPOLLRDHUP;
}

}  // namespace

class EventLoop::Worker {
  public:
    Worker(const EventLoopOptions& options, const ServeRequest& serve, std::atomic<int>& open,
           std::atomic<std::size_t>& poll_hits)
        : options_(options),
          limits_(options.limits),
          serve_(serve),
          open_(open),
          poll_hits_(poll_hits) {
        epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
        if (epoll_fd_ < 0) throw os_error("epoll_create1");
        wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = wake_fd_;
        if (wake_fd_ < 0 || ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev) != 0) {
            const auto error = os_error("eventfd");
            close_fds();
            throw error;
        }
        thread_ = std::thread([this] { run(); });
    }
    ~Worker() {
        stop();
        close_fds();
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Any thread: the socket joins this worker's connections.
    void hand_over(int fd) {
        {
            std::lock_guard lock(inbox_mutex_);
            inbox_.push_back(fd);
        }
        load_.fetch_add(1, std::memory_order_relaxed);
        open_.fetch_add(1, std::memory_order_relaxed);
        wake();
    }

    void stop() {
        if (thread_.joinable()) {
            stopping_ = true;
            wake();
            thread_.join();
        }
    }

    int load() const { return load_.load(std::memory_order_relaxed); }

  private:
    struct Entry {
        std::unique_ptr<HttpConnection> connection;
        HttpConnection::Wait watching;
    };

    void wake() {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
    }

    void close_fds() {
        if (wake_fd_ >= 0) ::close(wake_fd_);
        if (epoll_fd_ >= 0) ::close(epoll_fd_);
    }

    void run() {
        std::array<epoll_event, 32> events{};
        bool worked = false;
        while (!stopping_) {
            const int n = next_events(events, worked);
            worked = n > 0;
            for (int i = 0; i < n; ++i) {
                const int fd = events[static_cast<std::size_t>(i)].data.fd;
                if (fd == wake_fd_) {
                    take_new_connections();
                } else if (const auto it = connections_.find(fd); it != connections_.end()) {
                    step(it);
                }
            }
            sweep_if_due();
        }
        connections_.clear();
        take_new_connections();  // handed over while stopping: closed, never added
    }

    // Waits for events; right after work, and while polling pays, first asks without sleeping
    // for up to options_.poll.
    int next_events(std::array<epoll_event, 32>& events, bool worked) {
        if (worked && options_.poll.count() > 0) {
            const auto until = Clock::now() + options_.poll;
            // Asked on every turn: a client that connects meanwhile ends the poll at once.
            while (!stopping_ &&
                   poll_pays(open_.load(std::memory_order_relaxed), options_.workers)) {
                const int n = ::epoll_wait(epoll_fd_, events.data(), events.size(), 0);
                if (n != 0) {
                    if (n > 0) poll_hits_.fetch_add(1, std::memory_order_relaxed);
                    return n;
                }
                if (Clock::now() >= until) break;
            }
        }
        return ::epoll_wait(epoll_fd_, events.data(), events.size(), kTickMs);
    }

    void take_new_connections() {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto got = ::read(wake_fd_, &count, sizeof count);
        std::vector<int> fds;
        {
            std::lock_guard lock(inbox_mutex_);
            fds.swap(inbox_);
        }
        for (const int fd : fds) {
            auto connection = std::make_unique<HttpConnection>(fd, limits_, serve_);
            epoll_event ev{};
            ev.events = interest(HttpConnection::Wait::Read);
            ev.data.fd = fd;
            if (stopping_ || ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
                load_.fetch_sub(1, std::memory_order_relaxed);
                open_.fetch_sub(1, std::memory_order_relaxed);
                continue;  // closed by the connection's destructor
            }
            connections_.emplace(fd, Entry{std::move(connection), HttpConnection::Wait::Read});
        }
    }

    void step(std::unordered_map<int, Entry>::iterator it) {
        Entry& e = it->second;
        const auto wait = e.connection->step();
        if (wait == HttpConnection::Wait::Close) {
            close(it);
        } else if (wait != e.watching) {
            epoll_event ev{};
            ev.events = interest(wait);
            ev.data.fd = it->first;
            if (::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, it->first, &ev) != 0) return close(it);
            e.watching = wait;
        }
    }

    void close(std::unordered_map<int, Entry>::iterator it) {
        connections_.erase(it);  // the destructor closes the socket, which leaves the epoll set
        load_.fetch_sub(1, std::memory_order_relaxed);
        open_.fetch_sub(1, std::memory_order_relaxed);
    }

    void sweep_if_due() {
        const auto now = Clock::now();
        if (now < next_sweep_) return;
        next_sweep_ = now + kSweepEvery;
        for (auto it = connections_.begin(); it != connections_.end();) {
            const auto next = std::next(it);
            if (it->second.connection->deadline() <= now) close(it);
            it = next;
        }
    }

    const EventLoopOptions& options_;
    const ConnectionLimits& limits_;
    const ServeRequest& serve_;
    std::atomic<int>& open_;
    std::atomic<std::size_t>& poll_hits_;
    int epoll_fd_ = -1;
    int wake_fd_ = -1;
    std::atomic<bool> stopping_{false};
    std::atomic<int> load_{0};
    std::mutex inbox_mutex_;
    std::vector<int> inbox_;
    // The worker thread's own, keyed by socket.
    std::unordered_map<int, Entry> connections_;
    Clock::time_point next_sweep_{};
    std::thread thread_;
};

EventLoop::EventLoop(EventLoopOptions options, ServeRequest serve)
    : options_(options), serve_(std::move(serve)) {
    options_.limits.keep_alive = std::max(options_.limits.keep_alive, kMinKeepAlive);
    options_.workers = std::max(options_.workers, 1);
    workers_.reserve(static_cast<std::size_t>(options_.workers));
    for (int i = 0; i < options_.workers; ++i) {
        workers_.push_back(std::make_unique<Worker>(options_, serve_, open_, poll_hits_));
    }
}

EventLoop::~EventLoop() {
    stop();
}

void EventLoop::add(int fd) {
    // The worker with the fewest connections, looking from a rotating start so that ties spread.
    const std::size_t start = next_.fetch_add(1, std::memory_order_relaxed);
    Worker* best = nullptr;
    for (std::size_t i = 0; i < workers_.size(); ++i) {
        Worker* w = workers_[(start + i) % workers_.size()].get();
        if (best == nullptr || w->load() < best->load()) best = w;
    }
    best->hand_over(fd);
}

void EventLoop::stop() {
    for (auto& w : workers_) w->stop();
}

}  // namespace news
