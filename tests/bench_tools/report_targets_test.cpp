// The report's verdict on "HTTP ≥ 0.8× in-process" and the bound the /healthz rows put on it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "report/records.hpp"
#include "report/targets.hpp"

namespace {

using bench::report::TargetResult;

std::string query_line(const std::string& engine, int c, double qps, double client_cpu,
                       double server_cpu) {
    std::ostringstream s;
    s << R"({"kind":"query","corpus":"1x","engine":")" << engine << R"(","concurrency":)" << c
      << R"(,"qps":)" << qps << R"(,"client_cpu_ms_per_query":)" << client_cpu
      << R"(,"server_cpu_ms_per_query":)" << server_cpu << "}\n";
    return s.str();
}

TargetResult inproc_target(const std::string& lines, int c) {
    std::istringstream in(lines);
    const auto targets = bench::report::check_targets(bench::report::read_records(in));
    const auto name = "HTTP ≥ 0.8× in-process, 1x c=" + std::to_string(c);
    const auto it = std::find_if(targets.begin(), targets.end(),
                                 [&](const TargetResult& t) { return t.target == name; });
    REQUIRE(it != targets.end());
    return *it;
}

}  // namespace

TEST_CASE("report: the in-process ratio, and at c=1 the round trip's share of the time") {
    // In-process 0.2 ms per query; the round trip alone 0.05 ms: at most 0.2 / 0.25 = 0.80.
    const auto lines = query_line("news-search (HTTP)", 1, 3000, 0.02, 0.25) +
                       query_line("news-search (in-process)", 1, 5000, 0.2, 0) +
                       query_line("news-search (HTTP /healthz)", 1, 20000, 0.02, 0.02);
    const auto t = inproc_target(lines, 1);
    CHECK(t.verdict == "FAIL");  // 3000 / 5000 = 0.60
    CHECK(t.measured.find("0.60×") == 0);
    CHECK(t.measured.find("0.050 ms per round trip") != std::string::npos);
    CHECK(t.measured.find("at most 0.80× here") != std::string::npos);
}

TEST_CASE("report: with many clients the round trip's CPU bounds the ratio") {
    // In-process 0.2 ms CPU per query; the round trip 0.03 + 0.02 ms: at most 0.2 / 0.25 = 0.80.
    const auto lines = query_line("news-search (HTTP)", 16, 8500, 0.03, 0.22) +
                       query_line("news-search (in-process)", 16, 10000, 0.2, 0) +
                       query_line("news-search (HTTP /healthz)", 16, 40000, 0.02, 0.03);
    const auto t = inproc_target(lines, 16);
    CHECK(t.verdict == "PASS");  // 0.85
    CHECK(t.measured.find("0.050 ms CPU per round trip") != std::string::npos);
    CHECK(t.measured.find("at most 0.80× here") != std::string::npos);
}

TEST_CASE("report: without /healthz rows the ratio stands alone") {
    const auto lines = query_line("news-search (HTTP)", 2, 4000, 0.02, 0.25) +
                       query_line("news-search (in-process)", 2, 8000, 0.2, 0);
    const auto t = inproc_target(lines, 2);
    CHECK(t.verdict == "FAIL");
    CHECK(t.measured.find("HTTP alone") == std::string::npos);
}

TEST_CASE("report: a ratio just under the threshold is not shown as reaching it") {
    // 1,149 / 1,440 = 0.7979: "0.80×" next to FAIL would contradict itself.
    const auto under = query_line("news-search (HTTP)", 1, 1149, 0.03, 0.8) +
                       query_line("news-search (in-process)", 1, 1440, 0.7, 0);
    const auto t = inproc_target(under, 1);
    CHECK(t.verdict == "FAIL");
    CHECK(t.measured.find("0.798×") == 0);
    // Clear of the threshold, two decimals as before.
    const auto over = query_line("news-search (HTTP)", 1, 1200, 0.03, 0.8) +
                      query_line("news-search (in-process)", 1, 1440, 0.7, 0);
    const auto t2 = inproc_target(over, 1);
    CHECK(t2.verdict == "PASS");
    CHECK(t2.measured.find("0.83×") == 0);
}

TEST_CASE("report: each side row is named next to the verdict, which it does not change") {
    struct Side {
        const char* engine;
        int c;
        double http_qps, side_qps;  // in-process 5,000
        const char* verdict;        // the default row's ratio decides
        const char* ratio;
        const char* named;
    };
    const Side sides[] = {
        {"news-search (HTTP, client and server on one core)", 1, 3000, 4300, "FAIL", "0.60×",
         "client and server on one core: 0.86×"},
        {"news-search (HTTP, client spins)", 1, 3800, 4400, "FAIL", "0.76×",
         "a client that spins instead of sleeping: 0.88×"},
        {"news-search (HTTP, wrk)", 16, 4250, 3500, "PASS", "0.85×", "wrk as the client: 0.70×"},
    };
    for (const auto& side : sides) {
        CAPTURE(side.engine);
        const auto base = query_line("news-search (HTTP)", side.c, side.http_qps, 0.02, 0.25) +
                          query_line("news-search (in-process)", side.c, 5000, 0.2, 0);
        const auto t =
            inproc_target(base + query_line(side.engine, side.c, side.side_qps, 0.02, 0.2), side.c);
        CHECK(t.verdict == side.verdict);
        CHECK(t.measured.find(side.ratio) == 0);
        CHECK(t.measured.find(side.named) != std::string::npos);
        const std::string label(side.named, std::string_view(side.named).find(':'));
        CHECK(inproc_target(base, side.c).measured.find(label) == std::string::npos);
    }
}

// bench/run names the side rows in shell variables: a name that drifted from the report's would
// silently drop that row from the verdict's explanation.
TEST_CASE("report: bench/run gives the side rows the engine names the report looks for") {
    std::ifstream in(std::string(NEWS_SOURCE_DIR) + "/bench/run");
    REQUIRE(in.good());
    std::ostringstream script;
    script << in.rdbuf();
    for (const char* engine : {bench::report::kOursHttpOneCore, bench::report::kOursHttpSpin,
                               bench::report::kOursHttpWrk}) {
        CAPTURE(engine);
        CHECK(script.str().find('"' + std::string(engine) + '"') != std::string::npos);
    }
}
