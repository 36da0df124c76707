#pragma once
// A minimal HTTP/1.1 client over a plain socket, so tests can send what no well-behaved client
// would: oversized or malformed requests, NUL bytes, one byte a second, idle connections.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace news::test {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string header(const std::string& name) const;
};

class Connection {
  public:
    explicit Connection(int port);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Sends all of `bytes`; false when the peer closed or reset the connection meanwhile.
    bool send(std::string_view bytes);
    // Reads one response; nullopt when the connection closed (or timed out) before a whole one.
    std::optional<HttpResponse> read_response(std::chrono::milliseconds timeout,
                                              bool head_request = false);
    // True when the server has closed the connection (EOF or reset) within `timeout`.
    bool closed_by_peer(std::chrono::milliseconds timeout);
    bool ok() const { return fd_ >= 0; }

  private:
    bool fill(std::chrono::steady_clock::time_point deadline);
    int fd_ = -1;
    std::string buffer_;
};

// One request on a fresh connection ("Connection: close"); nullopt when no response came.
std::optional<HttpResponse> exchange(int port, std::string_view raw_request,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10));
std::optional<HttpResponse> get(int port, std::string_view target,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace news::test
