#include "server/connection_end.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace news {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Set by end_connection_after_response() on the connection's thread, read by its loop.
thread_local std::optional<LingerLimits> t_end_requested;

milliseconds to_ms(time_t sec, time_t usec) {
    return milliseconds(sec * 1000 + usec / 1000);
}

// Waits until `fd` is ready for `events`; false on timeout or error.
bool wait_for(int fd, short events, milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 0)));
        if (n > 0) return true;
        if (n == 0 || errno != EINTR) return false;
    }
}

void endpoint(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* a = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(fd, a, &len) : ::getsockname(fd, a, &len)) != 0) return;
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> serv{};
    if (::getnameinfo(a, len, host.data(), host.size(), serv.data(), serv.size(),
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host.data();
        port = std::atoi(serv.data());
    }
}

// A socket stream that keeps one read buffer for the whole connection, so that pipelined
// requests are read in order and nothing read ahead is lost between requests.
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(int fd, milliseconds read_timeout, milliseconds write_timeout)
        : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

    bool buffered() const { return pos_ < buf_.size(); }

    bool is_readable() const override { return buffered() || wait_for(fd_, POLLIN, read_timeout_); }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, write_timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        if (!buffered()) {
            if (!wait_for(fd_, POLLIN, read_timeout_)) return -1;
            buf_.resize(kBufferSize);
            ssize_t n;
            do {
                n = ::recv(fd_, buf_.data(), buf_.size(), 0);
            } while (n < 0 && errno == EINTR);
            buf_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
            pos_ = 0;
            if (n <= 0) return n;
        }
        const auto n = std::min(size, buf_.size() - pos_);
        std::memcpy(ptr, buf_.data() + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        do {
            n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        return n;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        endpoint(fd_, true, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        endpoint(fd_, false, ip, port);
    }
    socket_t socket() const override { return fd_; }

  private:
    static constexpr std::size_t kBufferSize = 16384;
    int fd_;
    milliseconds read_timeout_;
    milliseconds write_timeout_;
    std::vector<char> buf_;
    std::size_t pos_ = 0;
};

// Reads and discards what the client still sends until it closes its side, or the limits run
// out.
void drain(int fd, const LingerLimits& limits) {
    const auto deadline = Clock::now() + limits.time;
    std::array<char, 16384> buf{};
    std::size_t drained = 0;
    while (drained < limits.bytes) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        if (left.count() <= 0 || !wait_for(fd, POLLIN, left)) return;
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
        if (n == 0) return;  // the client closed: nothing more can arrive
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return;
        }
        drained += static_cast<std::size_t>(n);
    }
}

// Waits for the next request of a keep-alive connection, in short steps so that a stopping
// server is noticed.
bool next_request_arrives(int fd, const ConnectionStream& strm, milliseconds keep_alive,
                          const std::atomic<socket_t>& listening) {
    if (strm.buffered()) return true;
    // At least one short wait, as in the library's loop, even with a keep-alive timeout of 0.
    const auto deadline = Clock::now() + std::max(keep_alive, milliseconds(10));
    while (listening != INVALID_SOCKET) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        if (wait_for(fd, POLLIN, std::min(left, milliseconds(100)))) return true;
    }
    return false;
}

}  // namespace

void end_connection_after_response(const LingerLimits& limits) {
    t_end_requested = limits;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    ConnectionStream strm(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                          to_ms(write_timeout_sec_, write_timeout_usec_));
    const milliseconds keep_alive(keep_alive_timeout_sec_ * 1000);
    t_end_requested.reset();
    bool ret = false;
    for (auto count = keep_alive_max_count_;
         count > 0 && next_request_arrives(sock, strm, keep_alive, svr_sock_); --count) {
        bool connection_closed = false;
        ret = process_request(strm, count == 1, connection_closed, nullptr);
        if (!ret || connection_closed || t_end_requested) break;
    }
    if (t_end_requested) {
        ::shutdown(sock, SHUT_WR);
        drain(sock, *t_end_requested);
        t_end_requested.reset();
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
}

}  // namespace news
