#pragma once
// Latencies as a histogram with 1% wide buckets, so that the report can merge several runs of
// the same engine (bench/run alternates our HTTP and in-process runs in rounds) and still give
// percentiles of all their requests, to within 1%, without carrying every latency in the line.
//
// JSON form: [[bucket, count], ...] in bucket order; bucket b holds latencies l (in µs) with
// floor(100 * ln(1 + l)) == b.

#include <nlohmann/json.hpp>
#include <span>

namespace bench {

nlohmann::json latency_hist(std::span<const double> latencies_ms);

// Adds `hist` (the JSON form) into `into`; false, adding nothing, when it is malformed.
bool merge_latency_hist(nlohmann::json& into, const nlohmann::json& hist);

// Nearest-rank percentile p (0..100) in ms, the upper edge of its bucket (so never below the
// exact figure); 0 for an empty histogram.
double hist_percentile(const nlohmann::json& hist, double p);

}  // namespace bench
