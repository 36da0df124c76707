#include "server/connection_end.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

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

std::pair<std::string, int> endpoint(int fd, bool peer) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* a = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(fd, a, &len) : ::getsockname(fd, a, &len)) != 0) return {{}, 0};
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> serv{};
    if (::getnameinfo(a, len, host.data(), host.size(), serv.data(), serv.size(),
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return {{}, 0};
    }
    return {host.data(), std::atoi(serv.data())};
}

bool would_block() {
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

// A socket stream that keeps one read buffer for the whole connection, so that pipelined
// requests are read in order and nothing read ahead is lost between requests, and one write
// buffer, so that a response (status line, headers, body) leaves in one send() instead of
// several. The socket is tried first and waited for only when it would block: a request that
// has arrived costs one recv(), a response one send().
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(int fd, milliseconds read_timeout, milliseconds write_timeout)
        : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

    bool buffered() const { return pos_ < in_len_; }

    bool is_readable() const override { return buffered() || wait_for(fd_, POLLIN, read_timeout_); }
    bool is_writable() const override {
        return out_.size() < kMaxPending || wait_for(fd_, POLLOUT, write_timeout_);
    }

    ssize_t read(char* ptr, size_t size) override {
        // httplib reads request and header lines one byte per call: that case stays small.
        if (size == 1 && buffered()) {
            *ptr = in_[pos_++];
            return 1;
        }
        return read_more(ptr, size);
    }

    ssize_t write(const char* ptr, size_t size) override {
        // Small pieces (status line and headers, small bodies) are gathered; a large one (a
        // body) goes out together with them in one sendmsg(), without being copied.
        if (size < kCopyBelow && out_.size() + size <= kMaxPending) {
            out_.append(ptr, size);
            return static_cast<ssize_t>(size);
        }
        std::array<iovec, 2> parts{iovec{out_.data(), out_.size()},
                                   iovec{const_cast<char*>(ptr), size}};
        const bool ok = out_.empty() ? send_all(&parts[1], 1) : send_all(parts.data(), 2);
        out_.clear();
        return ok ? static_cast<ssize_t>(size) : -1;
    }

    // Sends what write() holds; false if the client cannot take it within the write timeout.
    bool flush() {
        if (out_.empty()) return true;
        iovec part{out_.data(), out_.size()};
        const bool ok = send_all(&part, 1);
        out_.clear();
        return ok;
    }

    // The peer and the local address cannot change during a connection: looked up once, not
    // once per request (httplib asks for them on every request).
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        if (!remote_) remote_ = endpoint(fd_, true);
        std::tie(ip, port) = *remote_;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        if (!local_) local_ = endpoint(fd_, false);
        std::tie(ip, port) = *local_;
    }
    socket_t socket() const override { return fd_; }

  private:
    static constexpr std::size_t kBufferSize = 16384;
    // Pieces smaller than this are copied into the write buffer, which holds at most
    // kMaxPending bytes before it is sent.
    static constexpr std::size_t kCopyBelow = 4096;
    static constexpr std::size_t kMaxPending = 64u << 10;

    [[gnu::noinline]] ssize_t read_more(char* ptr, size_t size) {
        if (!buffered()) {
            // What was written so far must reach the client before we wait for it (an interim
            // "100 Continue", or a response the client waits for before sending more).
            if (!flush()) return -1;
            const ssize_t n = fill();
            if (n <= 0) return n;
        }
        const auto n = std::min(size, in_len_ - pos_);
        std::memcpy(ptr, in_.get() + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }

    // Reads what has arrived into the (empty) read buffer, waiting up to the read timeout.
    ssize_t fill() {
        // Allocated once, never cleared: resizing a vector would zero 16 KiB per request.
        if (!in_) in_ = std::make_unique_for_overwrite<char[]>(kBufferSize);
        ssize_t n;
        for (bool waited = false;;) {
            n = ::recv(fd_, in_.get(), kBufferSize, MSG_DONTWAIT);
            if (n >= 0) break;
            if (errno == EINTR) continue;
            if (!would_block() || waited || !wait_for(fd_, POLLIN, read_timeout_)) break;
            waited = true;
        }
        in_len_ = n > 0 ? static_cast<std::size_t>(n) : 0;
        pos_ = 0;
        return n;
    }

    // Sends `count` buffers in full, waiting for room up to the write timeout each time the
    // socket is full.
    bool send_all(iovec* parts, std::size_t count) {
        while (count > 0) {
            msghdr msg{};
            msg.msg_iov = parts;
            msg.msg_iovlen = count;
            const ssize_t n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (would_block() && wait_for(fd_, POLLOUT, write_timeout_)) continue;
                return false;
            }
            auto sent = static_cast<std::size_t>(n);
            while (count > 0 && sent >= parts->iov_len) {
                sent -= parts->iov_len;
                ++parts;
                --count;
            }
            if (count > 0) {
                parts->iov_base = static_cast<char*>(parts->iov_base) + sent;
                parts->iov_len -= sent;
            }
        }
        return true;
    }

    int fd_;
    milliseconds read_timeout_;
    milliseconds write_timeout_;
    std::unique_ptr<char[]> in_;
    std::size_t in_len_ = 0;
    std::size_t pos_ = 0;
    std::string out_;
    mutable std::optional<std::pair<std::string, int>> remote_;
    mutable std::optional<std::pair<std::string, int>> local_;
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
        ret = process_request(strm, count == 1, connection_closed, nullptr) && strm.flush();
        if (!ret || connection_closed || t_end_requested) break;
    }
    strm.flush();  // a response left behind by a failed request, if any
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
