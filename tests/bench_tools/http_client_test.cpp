// The load generator's HTTP client: the response-head rules, and whole responses over a real
// keep-alive connection to an httplib server on 127.0.0.1.
#include "common/http_client.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <ctime>
#include <string>
#include <thread>

#include "common/gunzip.hpp"
#include "common/http_head.hpp"

using bench::head_end;
using bench::parse_response_head;

TEST_CASE("a response head gives the status, the body length and whether the connection ends") {
    const auto ok = parse_response_head("HTTP/1.1 200 OK\r\ncontent-length: 42\r\nX: y\r\n\r\n");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->content_length == 42);
    CHECK_FALSE(ok->closes);

    const auto closing = parse_response_head(
        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    REQUIRE(closing);
    CHECK(closing->status == 400);
    CHECK(closing->closes);

    // HTTP/1.0 closes unless it says keep-alive.
    CHECK(parse_response_head("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n")->closes);
    CHECK_FALSE(parse_response_head(
                    "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\n")
                    ->closes);
}

TEST_CASE("a response head the load generator cannot read whole is refused") {
    CHECK_FALSE(parse_response_head("HTTP/1.1 200 OK\r\n\r\n"));  // no length
    CHECK_FALSE(parse_response_head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
    CHECK_FALSE(parse_response_head("HTTP/1.1 2x0 OK\r\nContent-Length: 1\r\n\r\n"));
    CHECK_FALSE(parse_response_head("SPDY/3 200 OK\r\nContent-Length: 1\r\n\r\n"));
    CHECK_FALSE(parse_response_head("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"));
    CHECK_FALSE(parse_response_head("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"));
}

TEST_CASE("a response head says whether its body is gzipped") {
    CHECK(parse_response_head(
              "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\n")
              ->gzipped);
    CHECK(
        parse_response_head("HTTP/1.1 200 OK\r\ncontent-encoding:GZIP\r\nContent-Length: 9\r\n\r\n")
            ->gzipped);
    CHECK_FALSE(
        parse_response_head("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 9\r\n\r\n")
            ->gzipped);
    CHECK_FALSE(parse_response_head("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n")->gzipped);
}

TEST_CASE("the end of a head is found only once the blank line has arrived") {
    CHECK(head_end("HTTP/1.1 200 OK\r\nA: b\r\n") == std::string::npos);
    CHECK(head_end("HTTP/1.1 200 OK\r\n\r\nbody") == 19);
}

namespace {

// An httplib server on a free loopback port for the length of a test.
struct LoopbackServer {
    httplib::Server server;
    int port = 0;
    std::thread thread;

    LoopbackServer() {
        server.Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("{\"q\":\"" + req.get_param_value("q") + "\"}", "application/json");
        });
        server.Get("/big", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(300'000, 'x'), "text/plain");
        });
        server.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            res.set_content("late", "text/plain");
        });
        server.Get("/coding", [](const httplib::Request& req, httplib::Response& res) {
            // text/plain: httplib gzips it when the request accepts gzip.
            res.set_content(
                "asked for: " + req.get_header_value("Accept-Encoding") + std::string(2000, '.'),
                "text/plain");
        });
        server.Get("/bye", [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Connection", "close");
            res.set_content("bye", "text/plain");
        });
        server.set_keep_alive_max_count(1000);  // httplib's default closes after 5 requests
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackServer() {
        server.stop();
        thread.join();
    }
};

constexpr bench::KeepAliveClient::Wait kBothWaits[] = {bench::KeepAliveClient::Wait::Sleep,
                                                       bench::KeepAliveClient::Wait::Spin};

std::chrono::nanoseconds thread_cpu() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

}  // namespace

TEST_CASE("the client reads whole responses over one keep-alive connection, sleeping or spinning") {
    for (const auto wait : kBothWaits) {
        CAPTURE(static_cast<int>(wait));
        LoopbackServer s;
        bench::KeepAliveClient client("127.0.0.1", s.port, std::chrono::seconds(5), wait);
        for (int i = 0; i < 50; ++i) {
            const auto reply = client.get("/echo?q=n" + std::to_string(i));
            REQUIRE(reply);
            CHECK(reply->status == 200);
            CHECK(reply->body == "{\"q\":\"n" + std::to_string(i) + "\"}");
        }
        const auto big = client.get("/big");
        REQUIRE(big);
        CHECK(big->body.size() == 300'000);
        CHECK(big->body.find_first_not_of('x') == std::string::npos);
        const auto missing = client.get("/nowhere");
        REQUIRE(missing);
        CHECK(missing->status == 404);
        CHECK(client.connections_opened() == 1);
    }
}

TEST_CASE("a reply later than the timeout is a failure, sleeping or spinning") {
    for (const auto wait : kBothWaits) {
        CAPTURE(static_cast<int>(wait));
        LoopbackServer s;
        bench::KeepAliveClient client("127.0.0.1", s.port, std::chrono::milliseconds(300), wait);
        const auto started = std::chrono::steady_clock::now();
        const auto cpu_before = thread_cpu();
        CHECK_FALSE(client.get("/slow"));
        const auto cpu_spent = thread_cpu() - cpu_before;
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1200));
        // What tells the two apart: a sleeping wait costs no CPU, a spinning one keeps asking.
        if (wait == bench::KeepAliveClient::Wait::Spin) {
            CHECK(cpu_spent > std::chrono::milliseconds(30));
        } else {
            CHECK(cpu_spent < std::chrono::milliseconds(30));
        }
        // The connection that timed out is dropped; the next request gets a new one.
        const auto after = client.get("/echo?q=next");
        REQUIRE(after);
        CHECK(after->body == "{\"q\":\"next\"}");
        CHECK(client.connections_opened() == 2);
    }
}

TEST_CASE(
    "the client opens a new connection after the server closes one, and fails when none can be "
    "made") {
    int port = 0;
    {
        LoopbackServer s;
        port = s.port;
        bench::KeepAliveClient client("127.0.0.1", port, std::chrono::seconds(5));
        REQUIRE(client.get("/bye"));
        const auto after = client.get("/echo?q=again");
        REQUIRE(after);
        CHECK(after->body == "{\"q\":\"again\"}");
        CHECK(client.connections_opened() == 2);
    }
    bench::KeepAliveClient client("127.0.0.1", port, std::chrono::seconds(1));
    CHECK_FALSE(client.get("/echo"));
}

TEST_CASE("a client that accepts gzip says so, and its gzipped replies inflate") {
    LoopbackServer s;
    bench::KeepAliveClient plain("127.0.0.1", s.port, std::chrono::seconds(5));
    const auto as_is = plain.get("/coding");
    REQUIRE(as_is);
    CHECK_FALSE(as_is->gzipped);
    CHECK(as_is->body == "asked for: " + std::string(2000, '.'));

    bench::KeepAliveClient browser_like("127.0.0.1", s.port, std::chrono::seconds(5),
                                        bench::KeepAliveClient::Wait::Sleep, true);
    for (int i = 0; i < 3; ++i) {  // one connection, one buffer, reused
        const auto gz = browser_like.get("/coding");
        REQUIRE(gz);
        CHECK(gz->gzipped);
        CHECK(gz->body.size() < 200);
        const auto text = bench::gunzip(gz->body);
        REQUIRE(text);
        CHECK(*text == "asked for: gzip" + std::string(2000, '.'));
    }
    CHECK(browser_like.connections_opened() == 1);
    CHECK_FALSE(bench::gunzip("{\"not\": \"gzip\"}"));
    CHECK_FALSE(bench::gunzip(""));
}
