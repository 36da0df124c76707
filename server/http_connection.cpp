#include "server/http_connection.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace news {

HttpConnection::HttpConnection(int fd, const ConnectionLimits& limits, const ServeRequest& serve)
    : fd_(fd),
      limits_(limits),
      serve_(serve),
      stream_(fd, limits.read_timeout),
      requests_left_(limits.max_requests),
      deadline_(Clock::now() + limits.keep_alive) {}

HttpConnection::~HttpConnection() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
}

HttpConnection::Wait HttpConnection::step() {
    try {
        switch (phase_) {
            case Phase::Reading:
                return read_requests();
            case Phase::Writing:
                return write_pending();
            case Phase::Draining:
                return drain();
        }
    } catch (const std::exception&) {
        // The handlers catch their own errors; anything reaching here ends only this connection.
    }
    return Wait::Close;
}

HttpConnection::Wait HttpConnection::read_requests() {
    for (;;) {
        if (!stream_.head_ready()) {
            switch (stream_.fill_available()) {
                case ConnectionStream::Fill::Closed:
                    return Wait::Close;
                case ConnectionStream::Fill::WouldBlock:
                    return Wait::Read;
                case ConnectionStream::Fill::Data:
                    deadline_ = Clock::now() + limits_.read_timeout;
                    continue;
            }
        }
        bool closed = false;
        const bool ok = serve_(stream_, requests_left_ == 1, closed);
        --requests_left_;
        linger_ = take_end_request();
        then_ = !ok || closed || requests_left_ == 0 ? Then::Close
                : linger_                            ? Then::Linger
                                                     : Then::Read;
        if (!stream_.flush()) return Wait::Close;
        if (stream_.pending_output() > 0) {
            phase_ = Phase::Writing;
            deadline_ = Clock::now() + limits_.write_timeout;
            return Wait::Write;
        }
        if (then_ != Then::Read) return after_response();
        if (!stream_.buffered()) {
            deadline_ = Clock::now() + limits_.keep_alive;
            return Wait::Read;  // no extra recv(): epoll says when the next request comes
        }
        deadline_ = Clock::now() + limits_.read_timeout;  // a pipelined request follows
    }
}

HttpConnection::Wait HttpConnection::write_pending() {
    const auto before = stream_.pending_output();
    if (!stream_.flush()) return Wait::Close;
    if (stream_.pending_output() > 0) {
        if (stream_.pending_output() < before) deadline_ = Clock::now() + limits_.write_timeout;
        return Wait::Write;
    }
    return after_response();
}

// The response has left in full: go on as the request decided.
HttpConnection::Wait HttpConnection::after_response() {
    switch (then_) {
        case Then::Read:
            phase_ = Phase::Reading;
            deadline_ = Clock::now() + limits_.keep_alive;
            return stream_.buffered() ? read_requests() : Wait::Read;
        case Then::Linger:
            // FIN after the response; what the client still sends is read and thrown away, so
            // that closing with unread input does not send a reset that destroys the response.
            ::shutdown(fd_, SHUT_WR);
            phase_ = Phase::Draining;
            deadline_ = Clock::now() + linger_->time;
            drained_ = 0;
            return drain();
        case Then::Close:
            break;
    }
    return Wait::Close;
}

HttpConnection::Wait HttpConnection::drain() {
    std::array<char, 16384> buf{};
    while (drained_ < linger_->bytes) {
        const ssize_t n = ::recv(fd_, buf.data(), buf.size(), MSG_DONTWAIT);
        if (n == 0) return Wait::Close;  // the client closed: nothing more can arrive
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? Wait::Read : Wait::Close;
        }
        drained_ += static_cast<std::size_t>(n);
    }
    return Wait::Close;
}

}  // namespace news
