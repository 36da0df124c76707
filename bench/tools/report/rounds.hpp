#pragma once
// Several lines for one measurement, merged into the one line the tables show.
//
// Queries: bench/run alternates our HTTP and in-process runs in short rounds, so that a slow or
// fast spell of this shared machine falls on both and the ratio between them (a target of issue
// 7) compares like with like. The rounds of one engine, corpus and concurrency add up: their
// requests, failures, wall time and CPU, and their latency histograms for the percentiles.
//
// Indexing: a 1x build takes a few seconds, so bench/run repeats it; the line shown is the run
// with the median throughput, with the slowest and fastest figures beside it.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bench::report {

// Query lines: one per (engine, corpus, concurrency), in the order each first appears.
std::vector<nlohmann::json> merge_query_rounds(const std::vector<nlohmann::json>& lines);

// Index lines: one per (engine, corpus), in the order each first appears.
std::vector<nlohmann::json> merge_index_runs(const std::vector<nlohmann::json>& lines);

// The engine's name, and for a merged line the number of rounds and the range of their QPS.
std::string engine_cell(const nlohmann::json& query_line);
// Articles per second, and for a merged line "(median of N: min–max)".
std::string articles_per_s_cell(const nlohmann::json& index_line);

}  // namespace bench::report
