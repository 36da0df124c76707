#include "common/query_line.hpp"

#include <algorithm>
#include <cmath>

#include "common/latency_hist.hpp"

namespace bench {

namespace {

// Nearest-rank percentile of a sorted sample.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double round3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

}  // namespace

nlohmann::json query_line(const std::string& engine, const std::string& corpus, int concurrency,
                          LoadResult result) {
    auto& lat = result.latencies_ms;
    std::sort(lat.begin(), lat.end());
    const auto ok = lat.size();
    const double secs = result.seconds > 0 ? result.seconds : 1;
    nlohmann::json line = {
        {"engine", engine},
        {"corpus", corpus},
        {"kind", "query"},
        {"concurrency", concurrency},
        {"queries", ok + result.failed},
        {"failed", result.failed},
        {"qps", std::round(static_cast<double>(ok) / secs * 10) / 10},
        {"p50_ms", round3(percentile(lat, 50))},
        {"p95_ms", round3(percentile(lat, 95))},
        {"p99_ms", round3(percentile(lat, 99))},
        {"mean_hits",
         ok == 0 ? 0.0 : round3(static_cast<double>(result.hits) / static_cast<double>(ok))}};
    // CPU per query over the measured phase, under the key names of the peers' harnesses.
    const double n = static_cast<double>(std::max<std::size_t>(1, ok + result.failed));
    // For merging runs of the same engine (report/rounds.cpp).
    line["seconds"] = round3(result.seconds);
    line["latency_hist"] = latency_hist(lat);
    line["client_cpu_ms_per_query"] = std::round(result.client_cpu_seconds * 1000 / n * 1e4) / 1e4;
    if (result.server_cpu_seconds >= 0) {
        line["server_cpu_ms_per_query"] =
            std::round(result.server_cpu_seconds * 1000 / n * 1e4) / 1e4;
    }
    return line;
}

}  // namespace bench
