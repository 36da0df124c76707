// Runs the queries round-robin from C threads for a bounded time and summarises latencies.
#pragma once

#include <atomic>
#include <vector>

#include "engine.hpp"

namespace peers {

struct LoadResult {
    std::size_t queries = 0;  // completed in the measured window (failed ones included)
    std::size_t failed = 0;
    double seconds = 0;  // measured window
    double qps = 0;
    double p50_ms = 0, p95_ms = 0, p99_ms = 0;
    double mean_hits = 0;
    std::size_t all_queries = 0;  // warm-up included: the denominator of the CPU figures
    double client_cpu_s = 0;      // this process, warm-up included
};

// Set by SIGINT/SIGTERM: load threads finish their current query and stop.
extern std::atomic<bool> g_interrupted;

LoadResult run_load(Engine& engine, const std::vector<Query>& queries, int concurrency,
                    double warmup_s, double seconds);

// Prints the top hits of a few queries (some phrases among them) to stderr.
void print_check(Engine& engine, const std::vector<Query>& queries);

}  // namespace peers
