#pragma once
// doctest checks shared by the reliability tests.

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "tests/reliability/support/fixture.hpp"

namespace news::test {

// How much the server's RSS may grow across one hostile test. Sanitizer builds keep freed memory
// in quarantine, so scripts/sanitize raises it through NEWS_RSS_SLACK_MIB.
inline long rss_slack_kib() {
    const char* v = std::getenv("NEWS_RSS_SLACK_MIB");
    return (v != nullptr ? std::atol(v) : 64) * 1024;
}

// After each hostile input: the server still answers /healthz and its memory stayed bounded.
inline void check_still_well(const ServerProcess& server, long rss_before_kib) {
    CHECK_MESSAGE(server.healthy(), "server stopped answering /healthz");
    const long rss_after = server.rss_kib();
    MESSAGE("RSS before " << rss_before_kib << " KiB, after " << rss_after << " KiB");
    CHECK(rss_after > 0);
    CHECK(rss_after - rss_before_kib < rss_slack_kib());
}

// A 200 search answer has the documented shape.
inline bool is_search_result(const HttpResponse& r) {
    if (r.status != 200) return false;
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("hits") && j["hits"].is_array() && j.contains("total") &&
           j["total"].is_object();
}

// Either the documented JSON error (4xx) or a correct search result: never a 5xx, never junk.
inline void check_error_or_result(const HttpResponse& r, const std::string& what) {
    std::string why;
    const bool ok = is_search_result(r) || is_json_error_any(r, why);
    CHECK_MESSAGE(ok, what << ": " << (why.empty() ? r.body.substr(0, 200) : why));
}

}  // namespace news::test
