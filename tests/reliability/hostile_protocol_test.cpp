// Hostile HTTP at the protocol level: oversized headers and bodies, slow and idle clients,
// unexpected methods, path traversal and symlinks out of the web directory.

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// A refused request: the documented JSON error, or the server closed without an answer.
void check_refused(const std::optional<HttpResponse>& r, const std::string& what) {
    if (!r) {
        MESSAGE(what << ": connection closed without an answer");
        return;
    }
    std::string why;
    CHECK_MESSAGE(is_json_error_any(*r, why), what << ": " << why);
}

bool leaks_passwd(const HttpResponse& r) {
    return r.body.find("root:") != std::string::npos;
}

}  // namespace

TEST_CASE("oversized headers and bodies are refused with a JSON error") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    const std::string big_header = "X-Big: " + std::string(100 * 1024, 'h') + "\r\n";
    check_refused(
        exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n" + big_header + "\r\n"),
        "one 100 KiB header");
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += "X-H" + std::to_string(i) + ": " + std::string(50, 'v') + "\r\n";
    check_refused(exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n" + many + "\r\n"),
                  "2,000 headers");
    const std::string body(2 << 20, 'b');
    for (const std::string method : {"GET", "POST"}) {
        auto r = exchange(server.port(), method +
                                             " /api/search?q=nissan HTTP/1.1\r\nHost: x\r\n"
                                             "Content-Length: " +
                                             std::to_string(body.size()) + "\r\n\r\n" + body);
        check_refused(r, method + " with a 2 MiB body");
    }
    check_refused(exchange(server.port(),
                           "GET /api/search?q=x HTTP/1.1\r\nHost: x\r\n"
                           "Content-Length: 99999999999999\r\n\r\nabc"),
                  "absurd Content-Length");
    check_still_well(server, rss);
}

namespace {

// A request the server would answer with a recognisable body, hidden in another request's body.
const std::string kSmuggled = "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n";

struct BodyOutcome {
    std::optional<HttpResponse> first;  // the answer to the request that carried the body
    int later_answers = 0;              // answers to anything in the body: must stay 0
    bool closed = false;                // the server ended the connection afterwards
};

// Sends `head` and then `body` on one connection (in a later packet when `body_later`) and
// reads every answer the server gives on it.
BodyOutcome send_with_body(int port, const std::string& head, const std::string& body,
                           bool body_later, bool head_request = false) {
    BodyOutcome out;
    Connection c(port);
    if (body_later) {
        c.send(head);
        // The body in a later packet, so that it is not in the buffer the head was read into.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        c.send(body);
    } else {
        c.send(head + body);
    }
    out.first = c.read_response(std::chrono::seconds(5), head_request);
    while (c.read_response(std::chrono::seconds(2))) ++out.later_answers;
    out.closed = c.closed_by_peer(std::chrono::seconds(3));
    return out;
}

// The documented JSON 400 with "Connection: close", nothing answered from the body, and the
// connection ended by the server.
void check_refused_and_closed(const BodyOutcome& o, const std::string& what,
                              bool head_request = false) {
    REQUIRE_MESSAGE(o.first.has_value(), what << ": closed without the 400 answer");
    std::string why;
    if (head_request) {
        CHECK_MESSAGE(o.first->status == 400, what << ": status " << o.first->status);
    } else {
        CHECK_MESSAGE(is_json_error(*o.first, 400, "bad_request", why), what << ": " << why);
    }
    CHECK_MESSAGE(o.first->header("Connection") == "close", what << ": no Connection: close");
    CHECK_MESSAGE(o.later_answers == 0,
                  what << ": " << o.later_answers << " request(s) in the body were answered");
    CHECK_MESSAGE(o.closed, what << ": the connection stayed open");
}

std::string head_with_length(const std::string& method, std::size_t length) {
    return method + " /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(length) +
           "\r\n\r\n";
}

}  // namespace

TEST_CASE("a GET with a body gets the JSON 400 and its body is never answered as a request") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    // One smuggled request, in the same packet as the head and in a later one.
    for (const bool later : {false, true}) {
        const auto o = send_with_body(server.port(), head_with_length("GET", kSmuggled.size()),
                                      kSmuggled, later);
        check_refused_and_closed(o, later ? "body in a later packet" : "body in the same packet");
    }
    // A body longer than the library's read buffer: the part left in the socket would be parsed
    // as the next request wherever it begins, so it is the smuggled request 400 times over.
    std::string many;
    for (int i = 0; i < 400; ++i) many += kSmuggled;
    auto o = send_with_body(server.port(), head_with_length("GET", many.size()), many, false);
    check_refused_and_closed(o, "16 KB body of requests");
    // A body larger than the body limit (64 KiB) is refused the same way.
    const std::string big(2 << 20, 'b');
    o = send_with_body(server.port(), head_with_length("GET", big.size()), big, false);
    check_refused_and_closed(o, "2 MiB body");
    MESSAGE("4 GETs with a body: JSON 400 with Connection: close, 0 smuggled answers");
    check_still_well(server, rss);
}

TEST_CASE("a HEAD with a body gets a 400 status line and its body is never answered") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    for (const bool later : {false, true}) {
        const auto o = send_with_body(server.port(), head_with_length("HEAD", kSmuggled.size()),
                                      kSmuggled, later, /*head_request=*/true);
        check_refused_and_closed(o, later ? "HEAD, body later" : "HEAD, same packet", true);
    }
    check_still_well(server, rss);
}

TEST_CASE("a chunked GET gets the JSON 400 and its chunks are never answered as a request") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    const std::string head =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    std::ostringstream chunk;
    chunk << std::hex << kSmuggled.size() << "\r\n" << kSmuggled << "\r\n0\r\n\r\n";
    for (const bool later : {false, true}) {
        // The chunk framing, and the bare request right after the head (a server that ignored
        // Transfer-Encoding on a GET would read exactly that as the next request).
        for (const auto& body : {chunk.str(), kSmuggled}) {
            const auto o = send_with_body(server.port(), head, body, later);
            check_refused_and_closed(o, std::string("chunked GET") + (later ? ", body later" : ""));
        }
    }
    check_still_well(server, rss);
}

TEST_CASE("a request the HTTP layer refuses ends its connection: nothing after it is parsed") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    std::string many;
    for (int i = 0; i < 400; ++i) many += kSmuggled;
    const std::string length = "Content-Length: " + std::to_string(many.size()) + "\r\n\r\n";
    const std::vector<std::pair<std::string, std::string>> heads = {
        {"unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n" + length},
        {"bad version", "GET / HTTP/9.9\r\nHost: x\r\n" + length},
        {"request line over 8 KiB",
         "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n" + length},
        {"header line too long to read",
         "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n" + length},
        {"OPTIONS with a body", "OPTIONS /api/search HTTP/1.1\r\nHost: x\r\n" + length},
        {"TRACE with a body", "TRACE /api/search HTTP/1.1\r\nHost: x\r\n" + length},
    };
    for (const auto& [what, head] : heads) {
        const auto o = send_with_body(server.port(), head, many, false);
        REQUIRE_MESSAGE(o.first.has_value(), what << ": no answer");
        std::string why;
        CHECK_MESSAGE(is_json_error_any(*o.first, why), what << ": " << why);
        CHECK_MESSAGE(o.later_answers == 0,
                      what << ": " << o.later_answers << " request(s) after it were answered");
        CHECK_MESSAGE(o.closed, what << ": the connection stayed open");
    }
    MESSAGE(heads.size() << " refused requests followed by 400 requests: 0 of those answered");
    check_still_well(server, rss);
}

TEST_CASE("pipelined requests in one packet are all answered, in order") {
    ServerProcess server(ServerOptions{corpus_index()});
    Connection c(server.port());
    std::string three;
    for (const std::string p : {"/healthz", "/api/stats", "/readyz"})
        three += "GET " + p + " HTTP/1.1\r\nHost: x\r\n\r\n";
    c.send(three);
    const auto a = c.read_response(std::chrono::seconds(5));
    const auto b = c.read_response(std::chrono::seconds(5));
    const auto d = c.read_response(std::chrono::seconds(5));
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    REQUIRE(d.has_value());
    CHECK(a->status == 200);
    CHECK(b->status == 200);
    CHECK(b->body.find("\"articles\"") != std::string::npos);
    CHECK(d->status == 200);
}

TEST_CASE(
    "a client sending one byte a second is cut off by the read timeout and frees its worker") {
    // Few connection handlers, so that the slow clients would starve the server if the read
    // timeout did not free them.
    ServerProcess server(ServerOptions{
        corpus_index(), {}, {{"http_threads", 4}, {"limits", {{"read_timeout_ms", 500}}}}});
    const long rss = server.rss_kib();
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<std::unique_ptr<Connection>> slow;
    for (int i = 0; i < 8; ++i) slow.push_back(std::make_unique<Connection>(server.port()));
    int cut_off = 0;
    const auto start = Clock::now();
    for (std::size_t byte = 0; byte < 4; ++byte) {
        for (auto& c : slow) c->send(request.substr(byte, 1));
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    for (auto& c : slow) cut_off += c->closed_by_peer(std::chrono::seconds(3)) ? 1 : 0;
    CHECK(cut_off == static_cast<int>(slow.size()));
    // The workers are free again: a normal request is answered at once.
    const auto asked = Clock::now();
    auto r = server.get("/api/search?q=nissan", std::chrono::seconds(5));
    const double waited = std::chrono::duration<double>(Clock::now() - asked).count();
    CHECK(is_search_result(r));
    CHECK(waited < 2.0);
    MESSAGE(cut_off << " slow clients cut off within "
                    << std::chrono::duration<double>(Clock::now() - start).count()
                    << " s; next request answered in " << waited << " s");
    check_still_well(server, rss);
}

TEST_CASE("many idle keep-alive connections do not stop the server from answering") {
    ServerProcess server(
        ServerOptions{corpus_index(), {}, {{"limits", {{"keep_alive_timeout_s", 2}}}}});
    const long rss = server.rss_kib();
    std::vector<std::unique_ptr<Connection>> idle;
    for (int i = 0; i < 200; ++i) {
        auto c = std::make_unique<Connection>(server.port());
        if (!c->ok()) break;
        c->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        idle.push_back(std::move(c));
    }
    REQUIRE(idle.size() == 200);
    int answered = 0;
    for (auto& c : idle) answered += c->read_response(std::chrono::seconds(15)) ? 1 : 0;
    // All 200 now sit idle on keep-alive. A new client must still be served promptly: within the
    // keep-alive timeout plus scheduling slack.
    const auto asked = Clock::now();
    auto r = get(server.port(), "/api/search?q=foxconn", std::chrono::seconds(15));
    const double waited = std::chrono::duration<double>(Clock::now() - asked).count();
    REQUIRE(r.has_value());
    CHECK(is_search_result(*r));
    CHECK(waited < 5.0);
    int closed = 0;
    for (auto& c : idle) closed += c->closed_by_peer(std::chrono::seconds(6)) ? 1 : 0;
    MESSAGE(answered << " of 200 keep-alive clients answered; a new request waited " << waited
                     << " s; " << closed << " idle connections closed by the server");
    CHECK(answered == 200);
    CHECK(closed == 200);
    CHECK(server.thread_count() < 600);
    check_still_well(server, rss);
}

TEST_CASE("methods other than GET and HEAD get 405 (or 400 for unknown ones) as JSON") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    for (const std::string method : {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO"}) {
        for (const std::string path : {"/api/search?q=nissan", "/healthz", "/", "/api/stats"}) {
            auto r = exchange(server.port(), method + " " + path +
                                                 " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                                 "Connection: close\r\n\r\n");
            REQUIRE_MESSAGE(r.has_value(), method << " " << path << ": no answer");
            std::string why;
            const bool documented = is_json_error(*r, 405, "method_not_allowed", why) ||
                                    (method == "FOO" && is_json_error_any(*r, why));
            CHECK_MESSAGE(documented, method << " " << path << ": " << why);
        }
    }
    Connection head(server.port());
    head.send("HEAD /api/search?q=nissan HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = head.read_response(std::chrono::seconds(5), /*head_request=*/true);
    REQUIRE(r.has_value());
    CHECK(r->status == 200);
    check_still_well(server, rss);
}

TEST_CASE("percent-encoded and double-encoded path traversal never leaves the web directory") {
    TempDir web;
    std::ofstream(web / "index.html") << "<!doctype html><title>t</title>";
    ServerProcess server(ServerOptions{corpus_index(), web.path()});
    const long rss = server.rss_kib();
    const std::vector<std::string> paths = {
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%252e%252e/%252e%252e/%252e%252e/etc/passwd",
        "/..%252f..%252f..%252fetc%252fpasswd",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/....//....//....//etc/passwd",
        "/./././../../../etc/passwd",
        "/index.html/../../../../etc/passwd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd%00.html",
        "/.git/config",
        "/%2e/%2e%2e/%2e%2e/etc/passwd",
    };
    for (const auto& p : paths) {
        auto r = get(server.port(), p);
        if (!r) continue;
        CHECK_MESSAGE(!leaks_passwd(*r), p << " leaked a file outside web/");
        CHECK_MESSAGE(r->status != 200, p << " answered 200");
        std::string why;
        CHECK_MESSAGE(is_json_error_any(*r, why), p << ": " << why);
    }
    auto index = server.get("/");
    CHECK(index.status == 200);
    check_still_well(server, rss);
}

TEST_CASE("symlinks inside the web directory that point outside it are not followed") {
    TempDir outside;
    std::ofstream(outside / "secret.txt") << "root:x:0:0:secret outside the web root\n";
    fs::create_directories(outside / "dir");
    std::ofstream(outside / "dir" / "inner.txt") << "root:x:inner secret\n";
    TempDir web;
    std::ofstream(web / "index.html") << "<!doctype html><title>t</title>";
    std::ofstream(web / "plain.txt") << "inside";
    fs::create_symlink(outside / "secret.txt", web / "leak.txt");
    fs::create_symlink(outside / "dir", web / "leakdir");
    fs::create_symlink("/etc/passwd", web / "passwd.txt");
    fs::create_symlink("../" + (outside.path().filename() / "secret.txt").string(),
                       web / "rel.txt");
    ServerProcess server(ServerOptions{corpus_index(), web.path()});
    const long rss = server.rss_kib();
    for (const std::string p : {"/leak.txt", "/leakdir/inner.txt", "/passwd.txt", "/rel.txt",
                                "/leakdir/", "/%6ceak.txt"}) {
        auto r = server.get(p);
        CHECK_MESSAGE(!leaks_passwd(r), p << " followed a symlink out of web/");
        std::string why;
        CHECK_MESSAGE(is_json_error_any(r, why), p << ": " << why);
    }
    auto plain = server.get("/plain.txt");
    CHECK(plain.status == 200);
    CHECK(plain.body == "inside");
    check_still_well(server, rss);
}
