#pragma once
// One HTTP connection's socket as the httplib::Stream that the library's request parser reads
// from and its response writer writes to. It keeps one read buffer for the whole connection, so
// that pipelined requests are read in order and nothing read ahead is lost between requests, and
// it never waits to write: what the socket cannot take at once stays queued here until the
// event loop sees the socket writable again.

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace news {

class ConnectionStream final : public httplib::Stream {
  public:
    // What fill_available() found on the socket.
    enum class Fill { Data, WouldBlock, Closed };

    ConnectionStream(int fd, std::chrono::milliseconds read_timeout)
        : fd_(fd), read_timeout_(read_timeout) {}

    // Unread request bytes are buffered.
    bool buffered() const { return pos_ < in_len_; }
    // The buffered bytes not read yet, for a reader that parses them in place and then skips
    // what it used (server/search_fast_path).
    std::string_view unread() const { return {in_.get() + pos_, in_len_ - pos_}; }
    void skip(std::size_t n) { pos_ += std::min(n, in_len_ - pos_); }
    // A whole request head (up to its blank line) is buffered, or the buffer is full: either way
    // the parser can run without waiting for the client.
    bool head_ready() const;
    // Appends what has arrived without waiting.
    Fill fill_available();

    // Sends what is queued without waiting; false on a socket error (the client is gone).
    bool flush();
    // Bytes of responses still waiting for the socket to take them.
    std::size_t pending_output() const { return out_.size() - out_sent_; }

    bool is_readable() const override;
    bool is_writable() const override { return true; }  // everything is queued, never refused
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

  private:
    ssize_t read_waiting(char* ptr, size_t size);
    void compact();

    int fd_;
    std::chrono::milliseconds read_timeout_;
    std::unique_ptr<char[]> in_;
    std::size_t in_len_ = 0;
    std::size_t pos_ = 0;
    std::string out_;
    std::size_t out_sent_ = 0;
    bool stalled_ = false;  // the socket took less than offered: queue until it is writable
    // The peer and the local address cannot change during a connection: looked up once, not
    // once per request (httplib asks for them on every request).
    mutable std::optional<std::pair<std::string, int>> remote_;
    mutable std::optional<std::pair<std::string, int>> local_;
};

}  // namespace news
