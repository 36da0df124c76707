// One connection's life (server/http_connection) and the workers that serve many
// (server/event_loop), over socket pairs: whole request heads only, pipelining in order, responses
// larger than the socket takes, keep-alive and request limits, the lingering close, and stopping.
#include <doctest/doctest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/connection_end.hpp"
#include "server/event_loop.hpp"
#include "server/http_connection.hpp"

namespace {

using namespace std::chrono_literals;
using news::HttpConnection;
using Wait = HttpConnection::Wait;

// The client's end of a socket pair; the server's end goes to the code under test.
struct Pair {
    int client = -1;
    int server = -1;
    Pair() {
        int fds[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        client = fds[0];
        server = fds[1];
    }
    ~Pair() {
        if (client >= 0) ::close(client);
    }
    Pair(const Pair&) = delete;
    Pair& operator=(const Pair&) = delete;

    void send(const std::string& s) const {
        REQUIRE(::send(client, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size()));
    }
    // What arrives within `wait`, stopping early at `want` bytes or when the server closes.
    std::string receive(std::chrono::milliseconds wait = 200ms,
                        std::size_t want = std::string::npos) const {
        std::string got;
        const auto until = std::chrono::steady_clock::now() + wait;
        while (got.size() < want) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            pollfd p{client, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
            char buf[65536];
            const ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0) break;
            got.append(buf, static_cast<std::size_t>(n));
        }
        return got;
    }
    // Reads until `bytes` have arrived or nothing more comes within 1 s.
    std::string receive_bytes(std::size_t bytes) const {
        std::string got;
        while (got.size() < bytes) {
            const auto more = receive(std::chrono::milliseconds(1000), bytes - got.size());
            if (more.empty()) break;
            got += more;
        }
        return got;
    }
    // True when the server closed its end (EOF) within `wait`, whatever it sent before.
    bool sees_eof(std::chrono::milliseconds wait) const {
        const auto until = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{client, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            char buf[65536];
            const ssize_t n = ::recv(client, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno == ECONNRESET)) return true;
        }
        return false;
    }
};

// "/<i>", built without operator+ on a temporary (GCC 12 warns falsely at -O3 there).
std::string numbered(std::size_t i) {
    std::string path = std::to_string(i);
    path.insert(path.begin(), '/');
    return path;
}

std::string request(const std::string& path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
}

// Stands in for httplib's process_request: reads one head byte by byte as the library does,
// answers "<path>;" (padded to `body_bytes` when set), and records what it saw.
struct FakeServer {
    std::vector<std::string> paths;
    std::vector<bool> last_flags;
    std::size_t body_bytes = 0;
    bool end_connection = false;
    news::ServeRequest serve = [this](news::ConnectionStream& s, bool last, bool& closed) {
        std::string head;
        char ch;
        while (head.find("\r\n\r\n") == std::string::npos) {
            if (s.read(&ch, 1) != 1) return false;
            head += ch;
        }
        const auto path = head.substr(4, head.find(' ', 4) - 4);
        paths.push_back(path);
        last_flags.push_back(last);
        closed = false;
        if (end_connection) news::end_connection_after_response({200ms, 1u << 20});
        std::string body = path + ";";
        if (body.size() < body_bytes) body.resize(body_bytes, '.');
        return s.write(body.data(), body.size()) == static_cast<ssize_t>(body.size());
    };
};

news::ConnectionLimits limits(std::size_t max_requests = 100) {
    news::ConnectionLimits l;
    l.read_timeout = 300ms;
    l.write_timeout = 400ms;
    l.keep_alive = 500ms;
    l.max_requests = max_requests;
    return l;
}

// A connection under test, its client end and the fake behind it.
struct OneConnection {
    explicit OneConnection(std::size_t max_requests = 100) : l(limits(max_requests)) {}
    Pair p;
    FakeServer fake;
    news::ConnectionLimits l;
    HttpConnection c{p.server, l, fake.serve};
};

}  // namespace

TEST_CASE("connection: a request head is served only once it has arrived whole") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    p.send("GET /a HTTP/1.1\r\nHo");
    CHECK(c.step() == Wait::Read);
    CHECK(fake.paths.empty());
    p.send("st: x\r\n\r\n");
    CHECK(c.step() == Wait::Read);
    REQUIRE(fake.paths.size() == 1);
    CHECK(fake.paths[0] == "/a");
    CHECK(p.receive() == "/a;");
}

TEST_CASE("connection: pipelined requests are all answered, in order, in one step") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    p.send(request("/1") + request("/2") + request("/3"));
    CHECK(c.step() == Wait::Read);
    CHECK(fake.paths == std::vector<std::string>{"/1", "/2", "/3"});
    CHECK(p.receive() == "/1;/2;/3;");
}

TEST_CASE("connection: deadlines are the read timeout inside a head and keep-alive between") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    const auto t0 = HttpConnection::Clock::now();
    p.send("GET /a HTTP/1.1\r\n");
    CHECK(c.step() == Wait::Read);
    CHECK(c.deadline() >= t0 + l.read_timeout);
    CHECK(c.deadline() < t0 + l.keep_alive);
    p.send("\r\n");
    CHECK(c.step() == Wait::Read);
    CHECK(c.deadline() >= t0 + l.keep_alive);
}

TEST_CASE("connection: a response larger than the socket takes waits for it, so does the next") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    fake.body_bytes = 4u << 20;  // far beyond a socket pair's buffers
    p.send(request("/big") + request("/next"));
    // The first response did not fit: the step returns instead of waiting, and the pipelined
    // request behind it is not read until the response has left.
    CHECK(c.step() == Wait::Write);
    CHECK(fake.paths == std::vector<std::string>{"/big"});
    std::string got;
    std::atomic<bool> done{false};
    std::thread reader([&] {
        got = p.receive_bytes(fake.body_bytes * 2);
        done = true;
    });
    Wait w = Wait::Write;
    for (int i = 0; i < 10000 && w == Wait::Write; ++i) {
        pollfd out{p.server, POLLOUT, 0};
        ::poll(&out, 1, 100);
        w = c.step();
    }
    reader.join();
    CHECK(w == Wait::Read);
    CHECK(fake.paths == std::vector<std::string>{"/big", "/next"});
    REQUIRE(got.size() == fake.body_bytes * 2);
    CHECK(got.compare(0, 5, "/big;") == 0);
    CHECK(got.compare(fake.body_bytes, 6, "/next;") == 0);
}

TEST_CASE("connection: the last allowed request is marked last, then the connection ends") {
    OneConnection t(2);
    auto& [p, fake, l, c] = t;
    p.send(request("/1"));
    CHECK(c.step() == Wait::Read);
    p.send(request("/2") + request("/3"));
    CHECK(c.step() == Wait::Close);
    CHECK(fake.paths == std::vector<std::string>{"/1", "/2"});
    CHECK(fake.last_flags == std::vector<bool>{false, true});
}

TEST_CASE("connection: a request that ends its connection lingers, drains, then closes") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    fake.end_connection = true;
    p.send(request("/refused") + "smuggled body that must never be parsed as a request");
    CHECK(c.step() == Wait::Read);  // draining: waits for the client to finish
    CHECK(fake.paths == std::vector<std::string>{"/refused"});
    CHECK(p.receive() == "/refused;");  // the response, then the server's FIN
    p.send(request("/after"));
    CHECK(c.step() == Wait::Read);
    ::shutdown(p.client, SHUT_WR);
    CHECK(c.step() == Wait::Close);
    CHECK(fake.paths.size() == 1);
}

TEST_CASE("connection: a client that closes ends its connection") {
    OneConnection t;
    auto& [p, fake, l, c] = t;
    p.send("GET /half");
    ::shutdown(p.client, SHUT_WR);
    CHECK(c.step() == Wait::Close);
    CHECK(fake.paths.empty());
}

TEST_CASE("event loop: connections spread over the workers, idle ones close after keep-alive") {
    FakeServer fake;
    std::atomic<int> threads_seen{0};
    std::mutex m;
    std::vector<std::thread::id> ids;
    news::ServeRequest serve = [&](news::ConnectionStream& s, bool last, bool& closed) {
        std::lock_guard lock(m);  // the fake records what it saw: one worker at a time
        const auto me = std::this_thread::get_id();
        if (std::find(ids.begin(), ids.end(), me) == ids.end()) {
            ids.push_back(me);
            ++threads_seen;
        }
        return fake.serve(s, last, closed);
    };
    news::EventLoopOptions options;
    options.workers = 3;
    options.limits = limits();
    news::EventLoop loop(options, serve);
    std::vector<std::unique_ptr<Pair>> pairs;
    for (int i = 0; i < 9; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        loop.add(pairs.back()->server);
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) pairs[i]->send(request(numbered(i)));
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        CHECK(pairs[i]->receive_bytes(3) == numbered(i) + ";");
    }
    CHECK(threads_seen == 3);
    const auto idle_since = std::chrono::steady_clock::now();
    int closed = 0;
    for (auto& p : pairs) closed += p->sees_eof(2000ms) ? 1 : 0;
    const auto waited = std::chrono::steady_clock::now() - idle_since;
    CHECK(closed == 9);
    CHECK(waited >= options.limits.keep_alive - 50ms);
}

TEST_CASE("event loop: a client that does not read its responses holds no worker") {
    FakeServer fake;
    fake.body_bytes = 1u << 20;
    news::EventLoopOptions options;
    options.workers = 1;
    options.limits = limits();
    options.limits.write_timeout = 5000ms;
    news::EventLoop loop(options, fake.serve);
    Pair stalled;
    loop.add(stalled.server);
    stalled.send(request("/big") + request("/big"));
    std::this_thread::sleep_for(100ms);
    Pair other;
    loop.add(other.server);
    const auto asked = std::chrono::steady_clock::now();
    other.send(request("/small"));
    const auto got = other.receive_bytes(fake.body_bytes);
    CHECK(got.compare(0, 7, "/small;") == 0);
    CHECK(std::chrono::steady_clock::now() - asked < 1000ms);
}

TEST_CASE("event loop: stop closes every connection, busy or idle") {
    FakeServer fake;
    news::EventLoopOptions options;
    options.workers = 2;
    options.limits = limits();
    options.limits.keep_alive = 60000ms;
    auto loop = std::make_unique<news::EventLoop>(options, fake.serve);
    std::vector<std::unique_ptr<Pair>> pairs;
    for (int i = 0; i < 4; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        loop->add(pairs.back()->server);
    }
    pairs[0]->send(request("/x"));
    CHECK(pairs[0]->receive_bytes(3) == "/x;");
    pairs[1]->send("GET /half");
    loop->stop();
    for (auto& p : pairs) CHECK(p->sees_eof(500ms));
    loop.reset();
}

TEST_CASE("event loop: polling for the next request pays only with fewer clients than workers") {
    CHECK(news::poll_pays(0, 2));
    CHECK(news::poll_pays(1, 2));
    CHECK_FALSE(news::poll_pays(2, 2));
    CHECK_FALSE(news::poll_pays(16, 2));
    CHECK_FALSE(news::poll_pays(1, 1));
}

namespace {

// Two workers that poll for up to `poll` after each answer.
news::EventLoopOptions polling(std::chrono::microseconds poll) {
    news::EventLoopOptions options;
    options.workers = 2;
    options.limits = limits();
    options.poll = poll;
    return options;
}

// Requests on `clients` connections, one at a time each, the next sent 1 ms after its answer:
// how many the workers found by polling. The first goes out once every client has connected
// (a worker may poll while the others connect; the next connection ends that poll).
std::size_t poll_hits_with(std::chrono::microseconds poll, int clients) {
    FakeServer fake;
    news::EventLoop loop(polling(poll), fake.serve);
    std::vector<std::unique_ptr<Pair>> pairs;
    for (int i = 0; i < clients; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        loop.add(pairs.back()->server);
    }
    std::this_thread::sleep_for(20ms);
    for (int round = 0; round < 5; ++round) {
        for (auto& p : pairs) {
            p->send(request("/r"));
            CHECK(p->receive_bytes(3) == "/r;");
        }
        std::this_thread::sleep_for(1ms);
    }
    return loop.poll_hits();
}

}  // namespace

TEST_CASE("event loop: a worker polls for one client's next request instead of sleeping") {
    // A poll far longer than the client's pause: each request after the first is found by it.
    CHECK(poll_hits_with(200ms, 1) >= 4);
    CHECK(poll_hits_with(0ms, 1) == 0);
    // As many clients as workers: every worker sleeps between requests.
    CHECK(poll_hits_with(200ms, 2) == 0);
}

TEST_CASE("event loop: a client that connects ends a poll that no longer pays") {
    FakeServer fake;
    news::EventLoop loop(polling(5s), fake.serve);
    Pair first;
    loop.add(first.server);
    first.send(request("/a"));
    CHECK(first.receive_bytes(3) == "/a;");
    std::this_thread::sleep_for(5ms);  // the worker is polling for first's next request
    const auto hits = loop.poll_hits();
    Pair second;
    loop.add(second.server);
    std::this_thread::sleep_for(20ms);
    first.send(request("/b"));
    CHECK(first.receive_bytes(3) == "/b;");
    CHECK(loop.poll_hits() == hits);  // found by a worker that had gone to sleep
}

TEST_CASE("event loop: stop does not wait for a worker's poll to run out") {
    FakeServer fake;
    auto loop = std::make_unique<news::EventLoop>(polling(5s), fake.serve);
    Pair p;
    loop->add(p.server);
    p.send(request("/x"));
    CHECK(p.receive_bytes(3) == "/x;");
    const auto asked = std::chrono::steady_clock::now();
    loop->stop();
    CHECK(std::chrono::steady_clock::now() - asked < 1s);
    CHECK(p.sees_eof(500ms));
}
