// The search fast path (server/search_fast_path.hpp) against the full cpp-httplib path on the
// real server: the same answer, pipelining and Connection: close, errors left to the full path,
// and no fast path past the rate limiter. /metrics counts the requests it answered.

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "tests/reliability/support/fixture.hpp"

using namespace news::test;

namespace {

constexpr auto kWait = std::chrono::seconds(5);

std::string get_request(const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
}

HttpResponse answer(Connection& c, const std::string& request) {
    REQUIRE(c.send(request));
    auto r = c.read_response(kWait);
    REQUIRE(r);
    return *r;
}

long fast_answers(const ServerProcess& s) {
    const auto r = s.get("/metrics");
    const std::string name = "\nhttp_fast_path_requests_total ";
    const auto at = r.body.find(name);
    REQUIRE(at != std::string::npos);
    return std::stol(r.body.substr(at + name.size()));
}

}  // namespace

TEST_CASE("fast path: a plain search gets the answer the full path gives") {
    ServerProcess s{ServerOptions(corpus_index())};
    Connection c(s.port());
    const std::string target = "/api/search?q=China&op=and&per_page=5";
    auto fast = answer(c, get_request(target));
    CHECK(fast.status == 200);
    CHECK(fast_answers(s) == 1);
    // An Origin header makes the request not plain (CORS is decided by the full path).
    auto full = answer(c, get_request(target, "Origin: https://elsewhere.example\r\n"));
    CHECK(full.status == 200);
    CHECK(fast_answers(s) == 1);

    CHECK(fast.header("Content-Length") == std::to_string(fast.body.size()));
    CHECK(!fast.header("Keep-Alive").empty());
    fast.headers.erase("content-length");  // the bodies differ in took_ms
    full.headers.erase("content-length");
    CHECK(fast.headers == full.headers);
    auto fast_body = json_body(fast);
    auto full_body = json_body(full);
    CHECK(fast_body.at("hits").size() == 5);
    fast_body.erase("took_ms");
    full_body.erase("took_ms");
    CHECK(fast_body == full_body);
    // Counted like any other search.
    CHECK(s.get("/metrics")
              .body.find("http_requests_total{route=\"/api/search\",status=\"200\"} 2") !=
          std::string::npos);
}

TEST_CASE("fast path: pipelined searches come back in order, and Connection: close ends it") {
    ServerProcess s{ServerOptions(corpus_index())};
    Connection c(s.port());
    REQUIRE(c.send(get_request("/api/search?q=China") + get_request("/api/search?q=Britain") +
                   get_request("/api/search?q=oil", "Connection: close\r\n")));
    for (const std::string query : {"China", "Britain", "oil"}) {
        CAPTURE(query);
        const auto r = c.read_response(kWait);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(json_body(*r).at("query") == query);
        const bool last = query == "oil";
        CHECK(r->header("Connection") == (last ? "close" : ""));
        CHECK(r->header("Keep-Alive").empty() == last);
    }
    CHECK(c.closed_by_peer(kWait));
    CHECK(fast_answers(s) == 3);
}

TEST_CASE("fast path: a search that fails is answered by the full path with its error") {
    ServerProcess s{ServerOptions(corpus_index())};
    Connection c(s.port());
    std::string why;
    const auto bad = answer(c, get_request("/api/search?q=China&per_page=abc"));
    CHECK_MESSAGE(is_json_error(bad, 400, "bad_request", why), why);
    const auto not_utf8 = answer(c, get_request("/api/search?q=%FF"));
    CHECK_MESSAGE(is_json_error(not_utf8, 400, "bad_request", why), why);
    CHECK(json_body(not_utf8).at("message").get<std::string>().find("UTF-8") != std::string::npos);
    CHECK(fast_answers(s) == 0);
    // The connection goes on, and the next plain search takes the fast path.
    CHECK(answer(c, get_request("/api/search?q=China")).status == 200);
    CHECK(fast_answers(s) == 1);
}

TEST_CASE("fast path: with a rate limit every search goes through the limiter") {
    ServerProcess s(ServerOptions(
        corpus_index(), {},
        {{"rate_limit", {{"enabled", true}, {"requests_per_second", 1000}, {"burst", 1000}}}}));
    Connection c(s.port());
    for (int i = 0; i < 3; ++i) CHECK(answer(c, get_request("/api/search?q=China")).status == 200);
    CHECK(fast_answers(s) == 0);
}
