// Hostile query strings against /api/search: every answer is the documented JSON error or a
// correct result, the server stays up and its memory bounded.

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/text/percent_encode.hpp"
#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
using Clock = std::chrono::steady_clock;

namespace {

std::string search(const std::string& q, const std::string& extra = "") {
    return "/api/search?q=" + news::percent_encode(q) + extra;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a 1 MB query string is refused with a JSON error or the connection is closed") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    const std::string target = "/api/search?q=" + std::string(1 << 20, 'a');
    auto r = get(server.port(), target);
    if (r) {
        std::string why;
        CHECK_MESSAGE(is_json_error_any(*r, why), why);
        CHECK((r->status == 414 || r->status == 400));
    } else {
        MESSAGE("server closed the connection on a 1 MB request line without an answer");
    }
    check_still_well(server, rss);

    // Under the request-line limit but over the documented 1,000 characters: a 400.
    auto long_q = server.get(search(std::string(5000, 'b')));
    std::string why;
    CHECK_MESSAGE(is_json_error(long_q, 400, "bad_request", why), why);
    check_still_well(server, rss);
}

TEST_CASE("invalid UTF-8 and NUL bytes in the query give a 400 or a correct result") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    const std::vector<std::string> targets = {
        "/api/search?q=%C3%28",
        "/api/search?q=%ED%A0%80",  // lone surrogate
        "/api/search?q=%FF%FE%FD",
        "/api/search?q=caf%E9",  // Latin-1
        "/api/search?q=%C0%AF",
        "/api/search?q=fox%E2%82",  // overlong, truncated
        "/api/search?q=fox%00conn",
        "/api/search?q=%00",
        "/api/search?q=nissan&source=%00",
        "/api/search?q=nissan&author=%C3%28",
    };
    for (const auto& t : targets) {
        auto r = server.get(t);
        check_error_or_result(r, t);
        if (t.find("%C3%28") != std::string::npos && t.find("q=%C3") != std::string::npos) {
            std::string why;
            CHECK_MESSAGE(is_json_error(r, 400, "bad_request", why), t << ": " << why);
        }
    }
    // Raw (unencoded) NUL and invalid bytes in the request line itself.
    for (std::string raw : {std::string("GET /api/search?q=a\0b HTTP/1.1\r\n\r\n", 34),
                            std::string("GET /api/search?q=\xff\xfe HTTP/1.1\r\n\r\n"),
                            std::string("GET /\0 HTTP/1.1\r\n\r\n", 19)}) {
        auto r = exchange(server.port(), raw);
        if (r) check_error_or_result(*r, "raw request line");
    }
    check_still_well(server, rss);
}

TEST_CASE("every query-parser operator left unbalanced gives a 400 bad_query or a result") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    const std::vector<std::string> queries = {
        "\"foxconn",
        "foxconn\"",
        "\"",
        "(foxconn",
        "foxconn)",
        "((((((((",
        "))))))))",
        "(a AND (b OR",
        "AND",
        "OR",
        "NOT",
        "XOR",
        "foxconn AND",
        "OR foxconn",
        "foxconn NOT",
        "AND NOT",
        "foxconn NEAR",
        "NEAR/3",
        "foxconn ADJ/",
        "+",
        "-",
        "+-+-",
        "title:",
        "source:",
        "author:",
        "title:(",
        "title:\"",
        "*",
        "**",
        "fox*conn*",
        "a b c OR OR",
        "\"a \"b\" c\"",
        "nosuch:x",
        ":",
        "\\",
    };
    int errors = 0;
    int results = 0;
    for (const auto& q : queries) {
        for (const std::string extra : {"", "&op=and", "&partial=true"}) {
            auto r = server.get(search(q, extra));
            check_error_or_result(r, "q=" + q + extra);
            (r.status == 200 ? results : errors) += 1;
        }
    }
    const std::size_t tried = queries.size() * 3;
    MESSAGE(tried << " unbalanced queries: " << results << " results, " << errors
                  << " JSON errors, 0 crashes");
    check_still_well(server, rss);
}

TEST_CASE(
    "10,000 terms are refused by the length limit, thousands under a raised limit stay bounded") {
    std::string ten_thousand;
    for (int i = 0; i < 10000; ++i) {
        ten_thousand.push_back('t');
        ten_thousand.append(std::to_string(i % 50));
        ten_thousand.push_back(' ');
    }
    {
        ServerProcess server(ServerOptions{corpus_index()});
        const long rss = server.rss_kib();
        auto r = get(server.port(), search(ten_thousand));
        if (r) {
            std::string why;
            CHECK_MESSAGE(is_json_error_any(*r, why), why);
        }
        check_still_well(server, rss);
    }
    // Raise the character limit so that ~4,000 terms reach the query parser (the request line
    // limit of 8 KiB is the only bound left).
    ServerProcess server(
        ServerOptions{corpus_index(), {}, {{"search", {{"max_query_chars", 100000}}}}});
    const long rss = server.rss_kib();
    std::string many;
    for (int i = 0; many.size() < 7900; ++i) {
        many.push_back(static_cast<char>('a' + i % 26));
        many.push_back('+');
    }
    const auto start = Clock::now();
    auto r = server.get("/api/search?q=" + many, std::chrono::seconds(30));
    const double took = seconds_since(start);
    check_error_or_result(r, "q of ~4,000 terms");
    MESSAGE("~4,000-term query answered " << r.status << " in " << took << " s");
    CHECK(took < 10.0);
    check_still_well(server, rss);
}

TEST_CASE("a* expands to a bounded number of terms: a capped result or a clear 400") {
    ServerProcess server(
        ServerOptions{corpus_index(), {}, {{"search", {{"max_wildcard_expansion", 5}}}}});
    const long rss = server.rss_kib();
    int capped = 0;
    for (const auto& t : {search("a*"), search("a", "&partial=true"), search("*"),
                          search("a* b* c* d* e* f* g* h*"), search("t*", "&per_page=100")}) {
        const auto start = Clock::now();
        auto r = server.get(t);
        CHECK(seconds_since(start) < 5.0);
        check_error_or_result(r, t);
        if (r.status == 400) {
            const auto j = json_body(r);
            CHECK(!j["message"].get<std::string>().empty());
        } else if (r.status == 200) {
            // A capped answer says so, naming the configured limit.
            const auto j = json_body(r);
            if (j.contains("warnings")) {
                ++capped;
                CHECK(j["warnings"].dump().find("limit of 5") != std::string::npos);
            }
            CHECK(j["hits"].size() <= 100);
        }
    }
    // "a*" alone has far more than 5 words to expand to in the corpus: the cap must have bitten.
    const auto a_star = server.get(search("a*"));
    REQUIRE(a_star.status == 200);
    CHECK_MESSAGE(json_body(a_star).contains("warnings"), "a* was not capped at 5 words");
    MESSAGE(capped << " of 5 wildcard queries answered with the cap of 5 words applied");
    check_still_well(server, rss);

    // The limit bounds the whole query: hundreds of wildcards in one query (1,000 characters of
    // "a* b* c* ...") stay within it (this took 82 s when each wildcard had its own limit).
    std::string many;
    for (int i = 0; many.size() + 3 <= 1000; ++i) {
        many.push_back(static_cast<char>('a' + i % 26));
        many += "* ";
    }
    ServerProcess defaults(ServerOptions{corpus_index()});
    const auto many_start = Clock::now();
    const auto many_r = defaults.get(search(many), std::chrono::seconds(60));
    const double many_took = seconds_since(many_start);
    check_error_or_result(many_r, "333 wildcards");
    MESSAGE("333 wildcards under the default limit answered " << many_r.status << " in "
                                                              << many_took << " s");
    CHECK(many_took < 5.0);
    check_still_well(defaults, defaults.rss_kib());

    // Under a limit larger than the vocabulary nothing is capped: the limit is what bounds it.
    ServerProcess wide(
        ServerOptions{corpus_index(), {}, {{"search", {{"max_wildcard_expansion", 100000}}}}});
    const auto all = wide.get(search("a*"));
    REQUIRE(is_search_result(all));
    CHECK_FALSE(json_body(all).contains("warnings"));
    CHECK(json_body(all)["total"]["upper_bound"].get<long>() >=
          json_body(a_star)["total"]["upper_bound"].get<long>());
}

TEST_CASE("deep paging beyond the limit is a 400, the deepest allowed page is an empty result") {
    ServerProcess server(ServerOptions{corpus_index()});
    const long rss = server.rss_kib();
    std::string why;
    for (const std::string extra :
         {"&page=1001", "&page=99999999999999999999", "&page=-1", "&page=0", "&page=1e3",
          "&per_page=101", "&per_page=0", "&per_page=-5", "&page=1&per_page=99999999999"}) {
        auto r = server.get(search("nissan", extra));
        CHECK_MESSAGE(is_json_error(r, 400, "bad_request", why), extra << ": " << why);
    }
    // The depth bound is page x per_page <= max_page x 10 (10,000 results by default): the
    // deepest page of each size is served (empty here), one page further is a 400.
    for (const auto& [page, per_page] : {std::pair{1000, 10}, std::pair{100, 100}}) {
        const std::string size = "&per_page=" + std::to_string(per_page);
        auto last = server.get(search("nissan", "&page=" + std::to_string(page) + size));
        REQUIRE(is_search_result(last));
        CHECK(json_body(last)["hits"].empty());
        auto beyond = server.get(search("nissan", "&page=" + std::to_string(page + 1) + size));
        CHECK_MESSAGE(is_json_error(beyond, 400, "bad_request", why), size << ": " << why);
    }
    check_still_well(server, rss);
}
