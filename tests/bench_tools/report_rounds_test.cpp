// Repeated measurements merged by the report: rounds of query runs add up (requests, time, CPU,
// latency histograms), repeated builds show their median; and the latency histogram itself.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common/latency_hist.hpp"
#include "report/records.hpp"
#include "report/rounds.hpp"

namespace {

using nlohmann::json;

json round_line(const std::string& engine, double seconds, std::vector<double> latencies_ms,
                double client_cpu, double server_cpu) {
    const auto n = static_cast<double>(latencies_ms.size());
    return {{"kind", "query"},
            {"engine", engine},
            {"corpus", "1x"},
            {"concurrency", 1},
            {"queries", n},
            {"failed", 0},
            {"qps", n / seconds},
            {"seconds", seconds},
            {"mean_hits", 10},
            {"p50_ms", 0},
            {"p95_ms", 0},
            {"p99_ms", 0},
            {"client_cpu_ms_per_query", client_cpu},
            {"server_cpu_ms_per_query", server_cpu},
            {"latency_hist", bench::latency_hist(latencies_ms)}};
}

json index_line(const std::string& corpus, double rate, double rss) {
    return {{"kind", "index"},    {"engine", "news-search indexer"},
            {"corpus", corpus},   {"articles_per_s", rate},
            {"peak_rss_mb", rss}, {"articles", 100}};
}

}  // namespace

TEST_CASE("latency histogram: percentiles within 1%, never below the exact figure") {
    std::vector<double> ms;
    for (int i = 1; i <= 1000; ++i) ms.push_back(i * 0.01);  // 0.01 .. 10 ms
    const auto hist = bench::latency_hist(ms);
    for (const auto& [p, exact] : {std::pair{50.0, 5.0}, {99.0, 9.9}, {100.0, 10.0}, {0.1, 0.01}}) {
        const double got = bench::hist_percentile(hist, p);
        CHECK(got >= exact);
        CHECK(got <= exact * 1.011);
    }
    CHECK(bench::hist_percentile(json::array(), 99) == 0);
}

TEST_CASE("latency histogram: a sum adds counts, and refuses a malformed one") {
    bench::LatencyHistSum sum;
    CHECK(sum.percentile(99) == 0);
    REQUIRE(sum.add(bench::latency_hist(std::vector<double>(99, 1.0))));
    REQUIRE(sum.add(bench::latency_hist(std::vector<double>{50.0})));
    CHECK(sum.percentile(99) < 1.02);  // 99 of 100 requests took 1 ms
    CHECK(sum.percentile(100) >= 50.0);
    const json before = sum.to_json();
    CHECK_FALSE(sum.add(json{{"x", 1}}));
    CHECK_FALSE(sum.add(json::array({json::array({1, -5})})));
    CHECK_FALSE(sum.add(json::array({json::array({1, 2}), json::array({3})})));  // half good
    CHECK(sum.to_json() == before);
    CHECK(bench::hist_percentile(before, 100) == sum.percentile(100));
}

TEST_CASE("rounds: one engine's rounds add up to one line") {
    // A fast round and a slow one: 1,000 requests in 1 s, then 500 in 2 s with a slow tail.
    std::vector<double> fast(1000, 1.0), slow(490, 2.0);
    slow.insert(slow.end(), 10, 30.0);
    const std::vector<json> lines = {
        round_line("news-search (HTTP)", 1.0, fast, 0.02, 0.20),
        round_line("news-search (in-process)", 1.0, fast, 0.15, 0),
        round_line("news-search (HTTP)", 2.0, slow, 0.04, 0.50),
    };
    const auto merged = bench::report::merge_query_rounds(lines);
    REQUIRE(merged.size() == 2);
    const auto& http = merged[0];
    CHECK(http["engine"] == "news-search (HTTP)");
    CHECK(http["queries"].get<double>() == 1500);
    // 1,500 requests in 3 s, not the mean of the rounds' rates (625).
    CHECK(http["qps"].get<double>() == doctest::Approx(500));
    // CPU per query weighted by requests: (1000 * 0.2 + 500 * 0.5) / 1500.
    CHECK(http["server_cpu_ms_per_query"].get<double>() == doctest::Approx(0.3).epsilon(0.001));
    CHECK(http["client_cpu_ms_per_query"].get<double>() == doctest::Approx(0.0267).epsilon(0.01));
    // 10 of 1,500 requests took 30 ms: p99 (the 1,485th) is 2 ms, not the slow round's 30.
    CHECK(http["p99_ms"].get<double>() == doctest::Approx(2.0).epsilon(0.011));
    CHECK(http["p50_ms"].get<double>() == doctest::Approx(1.0).epsilon(0.011));
    CHECK(http["rounds"] == 2);
    CHECK(bench::report::engine_cell(http) == "news-search (HTTP), 2 rounds (250–1,000)");
    // A single line passes through untouched.
    CHECK(merged[1] == lines[1]);
    CHECK(bench::report::engine_cell(merged[1]) == "news-search (in-process)");
}

TEST_CASE("rounds: lines without histograms merge to the worst round's percentiles") {
    json a = round_line("peer", 1.0, {1.0}, 0, 0), b = round_line("peer", 1.0, {1.0}, 0, 0);
    a.erase("latency_hist");
    b.erase("latency_hist");
    a["p99_ms"] = 3.0;
    b["p99_ms"] = 7.0;
    const auto merged = bench::report::merge_query_rounds({a, b});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0]["p99_ms"].get<double>() == 7.0);
}

TEST_CASE("rounds: repeated builds show the median run, the range and the highest memory") {
    const std::vector<json> lines = {index_line("1x", 3600, 180), index_line("1x", 4300, 190),
                                     index_line("1x", 4100, 185), index_line("10x", 4200, 300)};
    const auto merged = bench::report::merge_index_runs(lines);
    REQUIRE(merged.size() == 2);
    CHECK(merged[0]["articles_per_s"].get<double>() == 4100);
    CHECK(merged[0]["peak_rss_mb"].get<double>() == 190);
    CHECK(bench::report::articles_per_s_cell(merged[0]) == "4,100 (median of 3: 3,600–4,300)");
    CHECK(merged[1] == lines[3]);
    // Two runs: the slower one, never a figure between them that no run reached.
    const auto two = bench::report::merge_index_runs({lines[0], lines[1]});
    CHECK(two[0]["articles_per_s"].get<double>() == 3600);
}

TEST_CASE("rounds: read_records merges what a bench run wrote") {
    std::stringstream in;
    in << round_line("news-search (HTTP)", 1.0, std::vector<double>(10, 1.0), 0, 0).dump() << "\n"
       << round_line("news-search (HTTP)", 1.0, std::vector<double>(30, 1.0), 0, 0).dump() << "\n";
    const auto r = bench::report::read_records(in);
    REQUIRE(r.query.size() == 1);
    CHECK(r.query[0]["queries"].get<double>() == 40);
}
