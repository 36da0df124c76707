#include "common/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "common/http_head.hpp"

namespace bench {

KeepAliveClient::KeepAliveClient(std::string host, int port, std::chrono::milliseconds timeout,
                                 Wait wait, bool accept_gzip)
    : host_(std::move(host)),
      port_(port),
      timeout_(timeout),
      wait_(wait),
      accept_gzip_(accept_gzip),
      in_(16384, '\0') {}

KeepAliveClient::~KeepAliveClient() {
    close();
}

bool KeepAliveClient::open() {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    const std::string ip = host_ == "localhost" ? "127.0.0.1" : host_;
    if (::inet_pton(AF_INET, ip.c_str(), &addr.sin_addr) != 1) return false;
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return false;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout_).count();
    const timeval tv{static_cast<time_t>(us / 1'000'000), static_cast<suseconds_t>(us % 1'000'000)};
    const int one = 1;
    if (::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0 ||
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0 ||
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        close();
        return false;
    }
    ++opened_;
    return true;
}

void KeepAliveClient::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool KeepAliveClient::send_all(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool KeepAliveClient::receive(std::size_t have, std::size_t& got) {
    if (in_.size() - have < 4096) in_.resize(in_.size() * 2);
    const bool spin = wait_ == Wait::Spin;
    // SO_RCVTIMEO bounds a blocking recv() only: a spinning one watches the clock itself.
    const auto deadline = spin ? std::chrono::steady_clock::now() + timeout_
                               : std::chrono::steady_clock::time_point{};
    for (;;) {
        const ssize_t n =
            ::recv(fd_, in_.data() + have, in_.size() - have, spin ? MSG_DONTWAIT : 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && spin && (errno == EAGAIN || errno == EWOULDBLOCK) &&
            std::chrono::steady_clock::now() < deadline)
            continue;
        if (n <= 0) return false;
        got = static_cast<std::size_t>(n);
        return true;
    }
}

std::optional<KeepAliveClient::Reply> KeepAliveClient::read_reply() {
    std::size_t have = 0;
    std::size_t end = std::string::npos;
    while (end == std::string::npos) {
        std::size_t got = 0;
        if (!receive(have, got)) return std::nullopt;
        // Only the new bytes, and the three before them, can complete the blank line.
        const std::size_t from = have < 3 ? 0 : have - 3;
        have += got;
        const auto found = head_end(std::string_view(in_).substr(from, have - from));
        if (found != std::string::npos) end = from + found;
    }
    const auto head = parse_response_head(std::string_view(in_).substr(0, end));
    if (!head) return std::nullopt;
    const std::size_t total = end + head->content_length;
    if (in_.size() < total) in_.resize(total);
    while (have < total) {
        std::size_t got = 0;
        if (!receive(have, got)) return std::nullopt;
        have += got;
    }
    // Our requests are not pipelined: anything past the body is a protocol error.
    if (have != total) return std::nullopt;
    if (head->closes) close();
    return Reply{head->status, std::string_view(in_).substr(end, head->content_length),
                 head->gzipped};
}

std::optional<KeepAliveClient::Reply> KeepAliveClient::get(std::string_view target) {
    if (fd_ < 0 && !open()) return std::nullopt;
    request_.assign("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host_);
    request_.append(":").append(std::to_string(port_)).append("\r\n");
    if (accept_gzip_) request_.append("Accept-Encoding: gzip\r\n");
    request_.append("\r\n");
    if (!send_all(request_)) {
        close();
        return std::nullopt;
    }
    auto reply = read_reply();
    if (!reply) close();
    return reply;
}

}  // namespace bench
