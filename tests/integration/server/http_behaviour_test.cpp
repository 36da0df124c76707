// HTTP behaviour around the API: methods, limits, headers, CORS, rate limit, static files, metrics.

#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include "server_fixture.hpp"

using news::test::ServerProcess;
using news::test::shared_index;
using news::test::TempDir;
using nlohmann::json;

namespace {

void check_json_error(const httplib::Result& r, int status, const std::string& code) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type").starts_with("application/json"));
    const auto j = json::parse(r->body);
    CHECK(j.at("error") == code);
    CHECK(j.at("message").is_string());
}

// A plain TCP connection to the server, for what httplib's client cannot send.
class RawConnection {
  public:
    explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~RawConnection() { ::close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& s) {
        REQUIRE(::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size()));
    }

    // What arrives within `limit` (one read); empty when nothing does or the peer closed.
    std::string read_some(std::chrono::milliseconds limit) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(limit.count())) <= 0) return {};
        char buf[4096];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    }

    // What arrives until `stop` is in it, the peer closes, or a read waits longer than `limit`.
    std::string read_until(const std::string& stop, std::chrono::milliseconds limit) {
        std::string got;
        while (got.find(stop) == std::string::npos) {
            const auto more = read_some(limit);
            if (more.empty()) break;
            got += more;
        }
        return got;
    }

  private:
    int fd_;
};

}  // namespace

TEST_CASE("http: only GET and HEAD are allowed, others get 405 with Allow") {
    ServerProcess s(shared_index());
    auto c = s.client();
    check_json_error(c.Post("/api/search?q=x", "{}", "application/json"), 405,
                     "method_not_allowed");
    check_json_error(c.Put("/api/search", "x", "text/plain"), 405, "method_not_allowed");
    check_json_error(c.Delete("/api/articles/x"), 405, "method_not_allowed");
    check_json_error(c.Patch("/", "x", "text/plain"), 405, "method_not_allowed");
    const auto r = c.Post("/healthz", "", "text/plain");
    REQUIRE(r);
    CHECK(r->get_header_value("Allow") == "GET, HEAD");
    // The connection stays usable after a refused request with a body.
    CHECK(c.Get("/healthz")->status == 200);

    const auto head = c.Head("/api/search?q=China");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Type").starts_with("application/json"));
}

TEST_CASE("http: unknown paths are 404 JSON") {
    ServerProcess s(shared_index());
    check_json_error(s.get("/api/nothing"), 404, "not_found");
    check_json_error(s.get("/api/search/extra"), 404, "not_found");
    check_json_error(s.get("/no-such-page.html"), 404, "not_found");
}

TEST_CASE("http: request line, header and body limits") {
    ServerProcess s(shared_index(), {"--log-level", "warn"});
    auto c = s.client();
    check_json_error(c.Get("/api/search?q=" + std::string(9000, 'a')), 414, "uri_too_long");
    httplib::Headers big;
    for (int i = 0; i < 4; ++i)
        big.emplace("X-Filler-" + std::to_string(i), std::string(6000, 'x'));
    check_json_error(c.Get("/healthz", big), 431, "headers_too_large");
    check_json_error(c.Post("/api/search", std::string(100'000, 'x'), "text/plain"), 413,
                     "payload_too_large");
}

TEST_CASE("http: security headers on every response, and no server version") {
    ServerProcess s(shared_index());
    for (const std::string path : {"/api/search?q=China", "/healthz", "/api/nothing", "/"}) {
        const auto r = s.get(path);
        REQUIRE(r);
        CHECK_MESSAGE(r->get_header_value("X-Content-Type-Options") == "nosniff", path);
        CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
        const auto csp = r->get_header_value("Content-Security-Policy");
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("default-src 'self'") != std::string::npos);
        const auto server = r->get_header_value("Server");
        CHECK(server.find_first_of("0123456789") == std::string::npos);
        CHECK_FALSE(r->has_header("Access-Control-Allow-Origin"));  // no CORS by default
    }
}

TEST_CASE("http: CORS only for configured origins") {
    ServerProcess s(shared_index(), {"--cors-origin", "https://news.example"});
    auto c = s.client();
    auto allowed = c.Get("/api/search?q=China", {{"Origin", "https://news.example"}});
    REQUIRE(allowed);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://news.example");
    auto other = c.Get("/api/search?q=China", {{"Origin", "https://evil.example"}});
    REQUIRE(other);
    CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));
    auto preflight = c.Options("/api/search", {{"Origin", "https://news.example"},
                                               {"Access-Control-Request-Method", "GET"}});
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Methods") == "GET, HEAD");
    auto bad_preflight = c.Options("/api/search", {{"Origin", "https://evil.example"}});
    REQUIRE(bad_preflight);
    CHECK(bad_preflight->status == 405);
}

TEST_CASE("http: the rate limit answers 429 with Retry-After, health checks exempt") {
    {
        ServerProcess off(shared_index());
        for (int i = 0; i < 30; ++i) REQUIRE(off.get("/api/search?q=China")->status == 200);
    }
    ServerProcess s(shared_index(), {"--rate-limit", "1", "--rate-burst", "3"});
    int ok = 0;
    int limited = 0;
    std::string retry_after;
    std::string body;
    for (int i = 0; i < 6; ++i) {
        const auto r = s.get("/api/search?q=China");
        REQUIRE(r);
        if (r->status == 200) ++ok;
        if (r->status == 429) {
            ++limited;
            retry_after = r->get_header_value("Retry-After");
            body = r->body;
        }
    }
    CHECK(ok >= 3);
    CHECK(ok <= 4);  // the burst, plus at most one token refilled meanwhile
    CHECK(limited >= 2);
    CHECK(std::stoi(retry_after) >= 1);
    CHECK(json::parse(body).at("error") == "rate_limited");
    for (int i = 0; i < 10; ++i) CHECK(s.get("/healthz")->status == 200);
}

TEST_CASE("http: static files of the web directory, and nothing outside it") {
    TempDir t("static");
    const auto web = t.path / "web";
    std::filesystem::create_directories(web / "css");
    std::ofstream(web / "index.html") << "<!doctype html><title>news</title>";
    std::ofstream(web / "css" / "app.css") << "body{}";
    std::ofstream(web / "app.js") << "console.log(1)";
    std::ofstream(t.path / "secret.txt") << "top secret";
    std::filesystem::create_symlink(t.path / "secret.txt", web / "leak.txt");
    ServerProcess s(shared_index(), {}, web);

    const auto home = s.get("/");
    REQUIRE(home);
    CHECK(home->status == 200);
    CHECK(home->body == "<!doctype html><title>news</title>");
    CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(s.get("/index.html")->body == home->body);
    CHECK(s.get("/css/app.css")->get_header_value("Content-Type") == "text/css; charset=utf-8");
    CHECK(s.get("/app.js")->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    const auto head = s.client().Head("/");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());

    for (const std::string path :
         {"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
          "/%252e%252e/secret.txt", "/..%5csecret.txt", "/leak.txt",
          "/css/%2e%2e/%2e%2e/secret.txt", "//etc/passwd", "/.%2e/secret.txt"}) {
        const auto r = s.get(path);
        REQUIRE(r);
        CHECK_MESSAGE((r->status == 400 || r->status == 404), path, " -> ", r->status);
        CHECK_MESSAGE(r->body.find("top secret") == std::string::npos, path);
    }
}

TEST_CASE(
    "http: without its web directory the server says so at start and at /, and answers the API") {
    ServerProcess s(shared_index());  // the fixture's web directory does not exist
    const auto home = s.get_json("/", 404);
    CHECK(home.at("message").get<std::string>().find("--web") != std::string::npos);
    CHECK(s.log().find("no web page to serve") != std::string::npos);
    CHECK(s.get_json("/api/search?q=Oppama").at("hits").size() >= 1);

    TempDir t("web-present");
    std::filesystem::create_directories(t.path / "web");
    std::ofstream(t.path / "web" / "index.html") << "<!doctype html>";
    ServerProcess with_page(shared_index(), {}, t.path / "web");
    CHECK(with_page.get_json("/missing.html", 404).at("message") == "No such file.");
    CHECK(with_page.log().find("no web page to serve") == std::string::npos);
}

TEST_CASE(
    "http: a page file carries an ETag and Last-Modified, and a current copy gets 304 without a "
    "body") {
    TempDir t("etag");
    const auto web = t.path / "web";
    std::filesystem::create_directories(web);
    std::ofstream(web / "app.js") << "console.log(1)";
    ServerProcess s(shared_index(), {}, web);

    const auto first = s.get("/app.js");
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const auto etag = first->get_header_value("ETag");
    CHECK(etag.starts_with("W/\""));
    CHECK(first->get_header_value("Cache-Control") == "no-cache");

    auto c = s.client();
    const auto again = c.Get("/app.js", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == etag);
    CHECK(again->get_header_value("Vary").find("Accept-Encoding") != std::string::npos);
    CHECK_FALSE(again->has_header("Content-Length"));  // only the 200's length would be right
    CHECK(c.Get("/app.js", {{"If-None-Match", R"("other", )" + etag}})->status == 304);
    CHECK(c.Get("/app.js", {{"If-None-Match", "*"}})->status == 304);
    CHECK(c.Get("/app.js", {{"If-None-Match", R"(W/"other")"}})->status == 200);

    // Last-Modified, and If-Modified-Since for a client that keeps no tag.
    const auto modified = first->get_header_value("Last-Modified");
    REQUIRE(modified.ends_with(" GMT"));
    CHECK(c.Get("/app.js", {{"If-Modified-Since", modified}})->status == 304);
    CHECK(c.Get("/app.js", {{"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"}})->status ==
          200);
    CHECK(c.Get("/app.js", {{"If-Modified-Since", "not a date"}})->status == 200);
    // If-None-Match decides alone when both are sent.
    CHECK(c.Get("/app.js", {{"If-None-Match", R"(W/"other")"}, {"If-Modified-Since", modified}})
              ->status == 200);

    // A changed file is a new tag: the old one gets the whole file.
    std::ofstream(web / "app.js") << "console.log('changed')";
    const auto changed = c.Get("/app.js", {{"If-None-Match", etag}});
    REQUIRE(changed);
    CHECK(changed->status == 200);
    CHECK(changed->body == "console.log('changed')");
    CHECK(changed->get_header_value("ETag") != etag);

    // The API answers every time: its answers are never stored.
    const auto search = c.Get("/api/search?q=China", {{"If-None-Match", "*"}});
    REQUIRE(search);
    CHECK(search->status == 200);
    CHECK_FALSE(search->has_header("ETag"));
}

TEST_CASE("http: every response says when it was made, in a Date header") {
    ServerProcess s(shared_index());
    const auto date_ok = [](const httplib::Result& r) {
        REQUIRE(r);
        const auto date = r->get_header_value("Date");
        std::tm tm{};
        const char* end = strptime(date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
        if (end == nullptr || *end != '\0') return false;
        const auto sent = timegm(&tm);
        const auto now = std::time(nullptr);
        return sent <= now + 1 && sent >= now - 60;
    };
    CHECK(date_ok(s.get("/api/search?q=China")));  // the fast path
    auto c = s.client();
    CHECK(date_ok(c.Get("/api/search?q=China", {{"Origin", "https://elsewhere.example"}})));
    CHECK(date_ok(s.get("/api/search?q=AND")));  // 400
    CHECK(date_ok(s.get("/no-such-page")));      // 404
    CHECK(date_ok(s.get("/healthz")));
    CHECK(date_ok(c.Post("/api/search", "x", "text/plain")));  // 405
}

TEST_CASE("http: metrics in Prometheus text") {
    ServerProcess s(shared_index());
    REQUIRE(s.get("/api/search?q=China")->status == 200);
    REQUIRE(s.get("/api/articles/no-such-article")->status == 404);
    const auto r = s.get("/metrics");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type").starts_with("text/plain"));
    const auto& m = r->body;
    CHECK(m.find("http_requests_total{route=\"/api/search\",status=\"200\"} 1\n") !=
          std::string::npos);
    CHECK(m.find("http_requests_total{route=\"/api/articles/{id}\",status=\"404\"} 1\n") !=
          std::string::npos);
    CHECK(m.find("http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"} 1\n") !=
          std::string::npos);
    CHECK(m.find("news_index_ready 1\n") != std::string::npos);
    const auto size_at = m.find("\nnews_index_size_bytes ");
    REQUIRE(size_at != std::string::npos);
    CHECK(std::stod(m.substr(size_at + 23)) > 0);
    CHECK(m.find("\nnews_index_articles ") != std::string::npos);
}

TEST_CASE("http: the interim 100 Continue reaches the client before its body is awaited") {
    // Responses are gathered and sent in one write; what was written must still go out before
    // the server waits for the client, or client and server would wait for each other.
    ServerProcess s(shared_index());
    RawConnection c(s.port());
    c.send(
        "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
        "Expect: 100-continue\r\n\r\n");
    const auto interim = c.read_until("\r\n\r\n", std::chrono::seconds(3));
    CHECK(interim.starts_with("HTTP/1.1 100 Continue\r\n"));
    c.send("hello");
    const auto answer = c.read_until("method_not_allowed", std::chrono::seconds(5));
    CHECK(answer.find("HTTP/1.1 405 ") != std::string::npos);
}

TEST_CASE("http: keep-alive requests on one connection each get a whole response") {
    ServerProcess s(shared_index());
    RawConnection c(s.port());
    for (int i = 0; i < 3; ++i) {
        c.send("GET /api/search?q=China HTTP/1.1\r\nHost: x\r\n\r\n");
        auto got = c.read_until("\r\n\r\n", std::chrono::seconds(5));
        REQUIRE(got.starts_with("HTTP/1.1 200 "));
        const auto at = got.find("Content-Length: ");
        REQUIRE(at != std::string::npos);
        const auto body_at = got.find("\r\n\r\n") + 4;
        const auto whole = body_at + std::stoul(got.substr(at + 16));
        while (got.size() < whole) {
            const auto more = c.read_some(std::chrono::seconds(5));
            REQUIRE(!more.empty());
            got += more;
        }
        // Exactly one response: nothing of it is sent twice, nothing else follows.
        CHECK(got.size() == whole);
        const auto body = got.substr(body_at);
        CHECK(json::parse(body).at("hits").is_array());
    }
}
