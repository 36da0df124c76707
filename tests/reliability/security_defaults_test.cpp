// Security defaults: the loopback bind unless told otherwise (the container says 0.0.0.0 itself),
// no answer that reveals a file system path or a stack trace, the security headers on every
// answer including the errors the HTTP layer makes itself, and the rate limit off by default.

#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
namespace fs = std::filesystem;

namespace {

// Local addresses (as "A.B.C.D") of the sockets listening on `port`, from /proc/net/tcp; the
// server's own network namespace is the test's.
std::set<std::string> listening_addresses(int port) {
    std::set<std::string> found;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream in(table);
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state;
            fields >> slot >> local >> remote >> state;
            const auto colon = local.find(':');
            if (state != "0A" || colon == std::string::npos) continue;  // 0A: LISTEN
            if (std::stoi(local.substr(colon + 1), nullptr, 16) != port) continue;
            const std::string hex = local.substr(0, colon);
            if (hex.size() != 8) {
                found.insert("ipv6:" + hex);
                continue;
            }
            // /proc prints the IPv4 address as a little-endian 32-bit number.
            const unsigned long v = std::stoul(hex, nullptr, 16);
            found.insert(std::to_string(v & 0xff) + "." + std::to_string((v >> 8) & 0xff) + "." +
                         std::to_string((v >> 16) & 0xff) + "." + std::to_string(v >> 24));
        }
    }
    return found;
}

// What would give the server's insides away: its paths, or the words of a C++ exception or a
// backtrace.
void check_reveals_nothing(const HttpResponse& r, const std::string& what,
                           const std::vector<std::string>& paths) {
    std::string all = r.body;
    for (const auto& [k, v] : r.headers) all += k + ": " + v + "\n";
    for (const auto& p : paths) {
        CHECK_MESSAGE(all.find(p) == std::string::npos, what << " reveals the path " << p);
    }
    static const std::regex leak(
        R"(/tmp/|/home/|/work/|/usr/|\.cpp|\.hpp|std::|what\(\)|terminate|Xapian::|backtrace|#0 +0x)");
    std::smatch m;
    CHECK_MESSAGE(!std::regex_search(all, m, leak), what << " reveals insides: " << m.str());
}

void check_security_headers(const HttpResponse& r, const std::string& what) {
    const std::string csp = r.header("content-security-policy");
    CHECK_MESSAGE(csp.find("default-src 'self'") != std::string::npos, what << ": CSP " << csp);
    CHECK_MESSAGE(csp.find("script-src 'self'") != std::string::npos, what << ": CSP " << csp);
    CHECK_MESSAGE(csp.find("style-src 'self'") != std::string::npos, what << ": CSP " << csp);
    CHECK_MESSAGE(csp.find("unsafe-") == std::string::npos, what << ": CSP " << csp);
    CHECK_MESSAGE(r.header("x-content-type-options") == "nosniff", what);
    CHECK_MESSAGE(!r.header("referrer-policy").empty(), what);
    const std::string server = r.header("server");
    CHECK_MESSAGE(server.find_first_of("0123456789/") == std::string::npos,
                  what << ": Server header " << server);
}

// Requests that reach every endpoint and every kind of error the server and its HTTP layer make.
std::vector<std::pair<std::string, std::string>> probe_requests() {
    const std::string h = " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    return {
        {"GET /healthz", "GET /healthz" + h + "\r\n"},
        {"GET /readyz", "GET /readyz" + h + "\r\n"},
        {"GET /api/stats", "GET /api/stats" + h + "\r\n"},
        {"GET /metrics", "GET /metrics" + h + "\r\n"},
        {"GET /", "GET /" + h + "\r\n"},
        {"search", "GET /api/search?q=nissan" + h + "\r\n"},
        {"bad query", "GET /api/search?q=%22(title:" + h + "\r\n"},
        {"bad page", "GET /api/search?q=a&page=x" + h + "\r\n"},
        {"unknown parameter value", "GET /api/search?q=a&sort=%00" + h + "\r\n"},
        {"unknown article", "GET /api/articles/no-such-id" + h + "\r\n"},
        {"similar of unknown", "GET /api/articles/no-such-id/similar" + h + "\r\n"},
        {"unknown api", "GET /api/nothing" + h + "\r\n"},
        {"unknown file", "GET /no-such-file.html" + h + "\r\n"},
        {"traversal", "GET /%2e%2e/%2e%2e/etc/passwd" + h + "\r\n"},
        {"POST", "POST /api/search" + h + "Content-Length: 2\r\n\r\n{}"},
        {"DELETE", "DELETE /api/stats" + h + "\r\n"},
        {"unknown method", "FOO /" + h + "\r\n"},
        {"long line", "GET /api/search?q=" + std::string(20000, 'a') + h + "\r\n"},
        {"big header", "GET /healthz" + h + "X-Big: " + std::string(20000, 'x') + "\r\n\r\n"},
        {"GET with body", "GET /healthz" + h + "Content-Length: 3\r\n\r\nabc"},
        {"bad request line", "GET\r\n\r\n"},
        {"bad version", "GET / HTTP/9.9\r\n\r\n"},
    };
}

void probe_everything(const ServerProcess& server, const std::vector<std::string>& paths,
                      const std::string& situation) {
    int answered = 0;
    for (const auto& [what, raw] : probe_requests()) {
        auto r = exchange(server.port(), raw);
        if (!r) {  // a connection closed without an answer reveals nothing either
            MESSAGE(situation << ", " << what << ": closed without an answer");
            continue;
        }
        ++answered;
        const std::string label = situation + ", " + what;
        const bool served_or_not_ready = r->status < 500 || r->status == 503;
        CHECK_MESSAGE(served_or_not_ready, label << ": status " << r->status);
        check_reveals_nothing(*r, label, paths);
        check_security_headers(*r, label);
    }
    MESSAGE(situation << ": " << answered << " of " << probe_requests().size()
                      << " probes answered, none revealed a path or a trace");
    CHECK(answered >= static_cast<int>(probe_requests().size()) - 2);
}

}  // namespace

TEST_CASE("security: the server binds 127.0.0.1 unless told otherwise") {
    TempDir work;
    const fs::path config = work / "server.json";
    std::ofstream(config) << R"({"threads": 1, "log": {"level": "warn"}})";
    const int port = free_port();
    // No --bind and no SEARCH_BIND: the built-in default decides.
    ::unsetenv("SEARCH_BIND");
    ChildProcess server(
        {(bin_dir() / "server").string(), "--config", config.string(), "--index",
         corpus_index().string(), "--port", std::to_string(port), "--web", web_dir().string()},
        work / "server.log");
    std::set<std::string> addresses;
    for (int i = 0; i < 200 && addresses.empty() && server.running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        addresses = listening_addresses(port);
    }
    REQUIRE_MESSAGE(!addresses.empty(),
                    "server never listened: " << read_file(work / "server.log"));
    CHECK(addresses == std::set<std::string>{"127.0.0.1"});
    // The shipped config says the same.
    const auto shipped =
        nlohmann::json::parse(std::ifstream(fs::path(NEWS_SOURCE_DIR) / "config" / "server.json"));
    CHECK(shipped.value("bind", "127.0.0.1") == "127.0.0.1");
    server.signal(SIGTERM);
    server.wait_for(std::chrono::seconds(10));
}

TEST_CASE("security: the container image binds 0.0.0.0 explicitly, and only there") {
    std::ifstream in(fs::path(NEWS_SOURCE_DIR) / "Dockerfile");
    REQUIRE(in);
    const std::string dockerfile{std::istreambuf_iterator<char>(in), {}};
    CHECK(std::regex_search(dockerfile, std::regex(R"(\bSEARCH_BIND=0\.0\.0\.0\b)")));
    // The entrypoint passes the setting through and binds nothing of its own.
    const std::string entrypoint =
        read_file(fs::path(NEWS_SOURCE_DIR) / "scripts" / "container-entrypoint");
    REQUIRE(!entrypoint.empty());
    CHECK(entrypoint.find("--bind") == std::string::npos);
    CHECK(entrypoint.find("SEARCH_BIND") == std::string::npos);
}

TEST_CASE("security: no answer reveals a path or a stack trace, headers on every answer") {
    TempDir dir;
    const fs::path db = dir / "index";
    std::vector<std::string> paths = {dir.path().string(), corpus_index().parent_path().string(),
                                      fs::path(NEWS_SOURCE_DIR).string(), bin_dir().string()};
    {
        // Not ready: the index is missing, so /readyz and the API explain why (without the path).
        ServerProcess server(ServerOptions{db});
        probe_everything(server, paths, "missing index");
    }
    {
        // Corrupt: a file where the index directory should be.
        std::ofstream(db) << "garbage";
        ServerProcess server(ServerOptions{db});
        probe_everything(server, paths, "corrupt index");
        fs::remove(db);
    }
    ServerProcess server(ServerOptions{corpus_index()});
    probe_everything(server, paths, "ready");
    CHECK(server.healthy());
}

TEST_CASE("security: the rate limit is off by default, when set it answers 429 + Retry-After") {
    {
        ServerProcess server(ServerOptions{corpus_index()});
        int limited = 0;
        for (int i = 0; i < 200; ++i) {
            limited += server.get("/api/search?q=nissan").status == 429 ? 1 : 0;
        }
        CHECK_MESSAGE(limited == 0, limited << " of 200 requests limited with no limit set");
    }
    const auto shipped =
        nlohmann::json::parse(std::ifstream(fs::path(NEWS_SOURCE_DIR) / "config" / "server.json"));
    CHECK(shipped["rate_limit"].value("enabled", false) == false);
    ServerProcess server(ServerOptions{
        corpus_index(),
        {},
        {{"rate_limit", {{"enabled", true}, {"requests_per_second", 2}, {"burst", 5}}}}});
    int ok = 0, limited = 0;
    std::string retry_after;
    for (int i = 0; i < 20; ++i) {
        const auto r = server.get("/api/search?q=nissan");
        if (r.status == 200) ++ok;
        if (r.status == 429) {
            ++limited;
            retry_after = r.header("retry-after");
            std::string why;
            CHECK_MESSAGE(is_json_error(r, 429, "rate_limited", why), why);
        }
    }
    MESSAGE("20 quick requests at 2/s, burst 5: " << ok << " answered, " << limited
                                                  << " limited, Retry-After " << retry_after);
    CHECK(ok >= 5);
    CHECK(ok <= 8);
    CHECK(limited >= 12);
    CHECK(std::atoi(retry_after.c_str()) >= 1);
    CHECK(server.healthy());  // health checks are exempt
}
