#include "tests/reliability/support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace news::test {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

// Parses the head (status line and headers) of a response; false when malformed.
bool parse_head(std::string_view head, HttpResponse& out) {
    const auto eol = head.find("\r\n");
    const std::string_view status_line = head.substr(0, eol);
    if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12) return false;
    out.status = std::atoi(std::string(status_line.substr(9, 3)).c_str());
    std::size_t pos = eol == std::string_view::npos ? head.size() : eol + 2;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string_view::npos) end = head.size();
        const auto line = head.substr(pos, end - pos);
        const auto colon = line.find(':');
        if (colon != std::string_view::npos) {
            out.headers[lower(std::string(line.substr(0, colon)))] = trim(line.substr(colon + 1));
        }
        pos = end + 2;
    }
    return out.status >= 100;
}

// Decodes a chunked body from `data`; nullopt while incomplete.
std::optional<std::pair<std::string, std::size_t>> dechunk(std::string_view data) {
    std::string body;
    std::size_t pos = 0;
    for (;;) {
        const auto eol = data.find("\r\n", pos);
        if (eol == std::string_view::npos) return std::nullopt;
        const auto size =
            std::strtoul(std::string(data.substr(pos, eol - pos)).c_str(), nullptr, 16);
        pos = eol + 2;
        if (size == 0) {
            const auto end = data.find("\r\n", pos);
            if (end == std::string_view::npos) return std::nullopt;
            return std::make_pair(body, end + 2);
        }
        if (data.size() < pos + size + 2) return std::nullopt;
        body.append(data.substr(pos, size));
        pos += size + 2;
    }
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

Connection::Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

Connection::~Connection() {
    if (fd_ >= 0) ::close(fd_);
}

bool Connection::send(std::string_view bytes) {
    while (!bytes.empty() && fd_ >= 0) {
        const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return fd_ >= 0;
}

bool Connection::fill(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || fd_ < 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[65536];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::optional<HttpResponse> Connection::read_response(std::chrono::milliseconds timeout,
                                                      bool head_request) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill(deadline)) return std::nullopt;
    }
    HttpResponse r;
    if (!parse_head(std::string_view(buffer_).substr(0, head_end), r)) return std::nullopt;
    const std::size_t body_start = head_end + 4;
    if (head_request) {  // a HEAD answer has headers only, whatever Content-Length says
        buffer_.erase(0, body_start);
        return r;
    }
    if (lower(r.header("transfer-encoding")) == "chunked") {
        for (;;) {
            if (auto done = dechunk(std::string_view(buffer_).substr(body_start))) {
                r.body = std::move(done->first);
                buffer_.erase(0, body_start + done->second);
                return r;
            }
            if (!fill(deadline)) return std::nullopt;
        }
    }
    const std::string length = r.header("content-length");
    if (length.empty()) {  // body runs to the end of the connection
        while (fill(deadline)) {
        }
        r.body = buffer_.substr(body_start);
        buffer_.clear();
        return r;
    }
    const std::size_t want = std::strtoull(length.c_str(), nullptr, 10);
    while (buffer_.size() < body_start + want) {
        if (!fill(deadline)) return std::nullopt;
    }
    r.body = buffer_.substr(body_start, want);
    buffer_.erase(0, body_start + want);
    return r;
}

bool Connection::closed_by_peer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
        char chunk[4096];
        const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return true;  // EOF or reset
    }
}

std::optional<HttpResponse> exchange(int port, std::string_view raw_request,
                                     std::chrono::milliseconds timeout) {
    Connection c(port);
    if (!c.ok()) return std::nullopt;
    c.send(raw_request);  // a server may answer and close before reading everything
    return c.read_response(timeout);
}

std::optional<HttpResponse> get(int port, std::string_view target,
                                std::chrono::milliseconds timeout) {
    std::string request = "GET ";
    request.append(target);
    request.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    return exchange(port, request, timeout);
}

}  // namespace news::test
