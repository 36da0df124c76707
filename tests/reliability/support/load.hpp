#pragma once
// A small closed-loop load generator: N keep-alive connections, each sending requests back to
// back for a fixed time, recording every latency and every failure.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tests/reliability/support/raw_http.hpp"

namespace news::test {

struct LoadResult {
    std::size_t requests = 0;
    std::size_t failed = 0;             // no answer, or the check refused it
    std::size_t server_errors = 0;      // 5xx
    std::vector<std::string> failures;  // the first few, for the test output
    double seconds = 0;
    double p50_ms = 0, p99_ms = 0, max_ms = 0;
    double per_second() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

struct LoadPlan {
    int port = 0;
    int connections = 64;
    std::chrono::milliseconds duration{5000};
    // The n-th request target of connection `c`.
    std::function<std::string(int c, std::size_t n)> target;
    // Judges an answer; returns an empty string when it is right, else why not. Called from many
    // threads at once.
    std::function<std::string(const std::string& target, const HttpResponse&)> check;
};

LoadResult run_load(const LoadPlan& plan);

}  // namespace news::test
