#pragma once
// Drives C worker threads over the query list for a bounded time and request count, and keeps the
// latency of every request. Shared by the HTTP load generator and the in-process runner so that
// both rows of the table are measured by exactly the same loop.

#include <cstddef>
#include <functional>
#include <vector>

namespace bench {

struct Outcome {
    bool ok = false;
    int hits = 0;  // results returned for the query (at most the page size)
};

// One worker's query function, called with the position of the query in the list; it owns that
// thread's connection or index handle.
using QueryFn = std::function<Outcome(std::size_t query_index)>;
// Called once on each worker thread before the clock starts (connection set-up is not timed).
using WorkerFactory = std::function<QueryFn(int thread)>;

struct LoadOptions {
    int concurrency = 1;
    double seconds = 10;                   // measured phase
    double warmup_seconds = 1;             // run but not recorded
    std::size_t max_requests = 1'000'000;  // hard cap on measured requests, whatever the speed
    long server_pid = 0;  // when set, the server's CPU time over the measured phase is read too
};

struct LoadResult {
    std::vector<double> latencies_ms;  // successful requests only
    std::size_t failed = 0;
    long long hits = 0;
    double seconds = 0;  // wall time of the measured phase
    // CPU seconds over the measured phase: of this process (all threads), and of server_pid
    // (-1 when not asked or unreadable).
    double client_cpu_seconds = 0;
    double server_cpu_seconds = -1;
};

LoadResult run_load(std::size_t query_count, const LoadOptions& options,
                    const WorkerFactory& factory);

}  // namespace bench
