#pragma once
// Latencies as a histogram with 1% wide buckets, so that the report can merge several runs of
// the same engine (bench/run alternates our HTTP and in-process runs in rounds) and still give
// percentiles of all their requests, to within 1%, without carrying every latency in the line.
//
// JSON form: [[bucket, count], ...] in bucket order; bucket b holds latencies l (in µs) with
// floor(100 * ln(1 + l)) == b.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <span>

namespace bench {

nlohmann::json latency_hist(std::span<const double> latencies_ms);

// Several runs' histograms added up, as counts per bucket (parsed once per run, not again for
// every run that follows).
class LatencyHistSum {
  public:
    // Adds `hist` (the JSON form); false, adding nothing, when it is malformed.
    bool add(const nlohmann::json& hist);
    // Nearest-rank percentile p (0..100) in ms, the upper edge of its bucket (so never below the
    // exact figure); 0 when empty.
    double percentile(double p) const;
    nlohmann::json to_json() const;

  private:
    std::map<std::int64_t, std::int64_t> counts_;  // bucket -> requests
};

// The percentile of one histogram in its JSON form (0 when malformed or empty).
double hist_percentile(const nlohmann::json& hist, double p);

}  // namespace bench
