#pragma once
// The load generator's HTTP client: one keep-alive connection, GET only, the whole response read
// into one reused buffer. httplib's client parses every header into a map and allocates per
// request; on this 2-core machine the client's CPU comes out of the server's share (and at c=1
// adds to every round trip), so the client does only what the measurement needs.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace bench {

class KeepAliveClient {
  public:
    // How the client waits for a reply. Sleep blocks in recv(): the thread sleeps until the reply
    // wakes it, as wrk's and a browser's do in their event loops. Spin asks again without
    // sleeping until the bytes are there: on a VM where waking a thread on an idle vCPU costs as
    // much as the round trip, that cost stays out of the measurement (bench/run's extra c=1 row).
    // Spin takes a core per connection, so it is for c=1 only.
    enum class Wait { Sleep, Spin };

    struct Reply {
        int status = 0;
        std::string_view body;  // valid until the next get(); as sent, gzipped or not
        bool gzipped = false;
    };

    // `accept_gzip` sends "Accept-Encoding: gzip" with every request, as browsers do.
    KeepAliveClient(std::string host, int port, std::chrono::milliseconds timeout,
                    Wait wait = Wait::Sleep, bool accept_gzip = false);
    ~KeepAliveClient();
    KeepAliveClient(const KeepAliveClient&) = delete;
    KeepAliveClient& operator=(const KeepAliveClient&) = delete;

    // nullopt on a transport error, a timeout or a malformed response; the connection is then
    // dropped and the next call opens a new one. A reply that asks to close is honoured the same
    // way.
    std::optional<Reply> get(std::string_view target);

    // Connections opened so far (1 when keep-alive held for every request).
    int connections_opened() const { return opened_; }

  private:
    bool open();
    void close();
    bool send_all(std::string_view data);
    std::optional<Reply> read_reply();
    // Receives more bytes after the first `have` of the buffer; false on error, timeout or EOF.
    bool receive(std::size_t have, std::size_t& got);

    std::string host_;
    int port_;
    std::chrono::milliseconds timeout_;
    Wait wait_;
    bool accept_gzip_;
    int fd_ = -1;
    int opened_ = 0;
    std::string request_;
    std::string in_;
};

}  // namespace bench
