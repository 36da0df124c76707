#include "server/connection_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <tuple>

namespace news {
namespace {

constexpr std::size_t kBufferSize = 16384;
// Pieces smaller than this are copied into the write queue; a larger one (a body) is offered to
// the socket straight from the caller's memory, behind what is queued, in one sendmsg().
constexpr std::size_t kCopyBelow = 4096;

bool would_block() {
    return errno == EAGAIN || errno == EWOULDBLOCK;
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

// One non-blocking sendmsg(): the bytes sent (0 when the socket is full), or -1 on an error.
ssize_t send_now(int fd, iovec* parts, std::size_t count) {
    msghdr msg{};
    msg.msg_iov = parts;
    msg.msg_iovlen = count;
    for (;;) {
        const ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        return would_block() ? 0 : -1;
    }
}

}  // namespace

bool ConnectionStream::head_ready() const {
    const auto head = unread();
    return head.size() == kBufferSize || head.find("\r\n\r\n") != std::string_view::npos;
}

void ConnectionStream::compact() {
    if (pos_ == 0) return;
    std::memmove(in_.get(), in_.get() + pos_, in_len_ - pos_);
    in_len_ -= pos_;
    pos_ = 0;
}

ConnectionStream::Fill ConnectionStream::fill_available() {
    // Allocated once, never cleared: resizing a vector would zero 16 KiB per request.
    if (!in_) in_ = std::make_unique_for_overwrite<char[]>(kBufferSize);
    compact();
    if (in_len_ == kBufferSize) return Fill::Data;
    for (;;) {
        const ssize_t n = ::recv(fd_, in_.get() + in_len_, kBufferSize - in_len_, MSG_DONTWAIT);
        if (n > 0) {
            in_len_ += static_cast<std::size_t>(n);
            return Fill::Data;
        }
        if (n < 0 && errno == EINTR) continue;
        return n < 0 && would_block() ? Fill::WouldBlock : Fill::Closed;
    }
}

bool ConnectionStream::is_readable() const {
    if (buffered()) return true;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(read_timeout_.count())) > 0;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    // httplib reads request and header lines one byte per call: that case stays small.
    if (size == 1 && buffered()) {
        *ptr = in_[pos_++];
        return 1;
    }
    return read_waiting(ptr, size);
}

// The parser wants more than the buffered head (a body, or a head longer than the buffer): the
// one place where a connection waits for its client, up to the read timeout.
[[gnu::noinline]] ssize_t ConnectionStream::read_waiting(char* ptr, size_t size) {
    if (!buffered()) {
        // What was written so far must reach the client before we wait for it (an interim
        // "100 Continue", or a response the client waits for before sending more).
        if (!flush()) return -1;
        for (bool waited = false;;) {
            const auto got = fill_available();
            if (got == Fill::Data) break;
            if (got == Fill::Closed || waited || !is_readable())
                return got == Fill::Closed ? 0 : -1;
            waited = true;
        }
    }
    const auto n = std::min(size, in_len_ - pos_);
    std::memcpy(ptr, in_.get() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    // Small pieces (status line, headers, small bodies) are gathered, and so is everything once
    // the socket is full; a large piece goes out behind the gathered ones in one sendmsg().
    if (size < kCopyBelow || stalled_) {
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    const std::size_t queued = pending_output();
    std::array<iovec, 2> parts{iovec{out_.data() + out_sent_, queued},
                               iovec{const_cast<char*>(ptr), size}};
    const ssize_t n = queued > 0 ? send_now(fd_, parts.data(), 2) : send_now(fd_, &parts[1], 1);
    if (n < 0) return -1;
    auto sent = static_cast<std::size_t>(n);
    const auto from_queue = std::min(sent, queued);
    out_sent_ += from_queue;
    sent -= from_queue;
    if (pending_output() == 0) {
        out_.clear();
        out_sent_ = 0;
    }
    if (sent < size) {
        out_.append(ptr + sent, size - sent);
        stalled_ = true;
    }
    return static_cast<ssize_t>(size);
}

bool ConnectionStream::flush() {
    while (pending_output() > 0) {
        iovec part{out_.data() + out_sent_, pending_output()};
        const ssize_t n = send_now(fd_, &part, 1);
        if (n < 0) return false;
        if (n == 0) {
            stalled_ = true;
            return true;
        }
        out_sent_ += static_cast<std::size_t>(n);
    }
    out_.clear();
    out_sent_ = 0;
    stalled_ = false;
    return true;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    if (!remote_) remote_ = endpoint(fd_, true);
    std::tie(ip, port) = *remote_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    if (!local_) local_ = endpoint(fd_, false);
    std::tie(ip, port) = *local_;
}

}  // namespace news
