#include "tests/reliability/support/load.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <thread>

namespace news::test {
namespace {

using Clock = std::chrono::steady_clock;

struct Shared {
    std::mutex mutex;
    std::vector<double> latencies_ms;
    LoadResult result;

    void record(const std::vector<double>& lat, std::size_t failed, std::size_t server_errors,
                std::vector<std::string>& failures) {
        std::lock_guard lock(mutex);
        latencies_ms.insert(latencies_ms.end(), lat.begin(), lat.end());
        result.requests += lat.size();
        result.failed += failed;
        result.server_errors += server_errors;
        for (auto& f : failures) {
            if (result.failures.size() < 10) result.failures.push_back(std::move(f));
        }
    }
};

void one_client(const LoadPlan& plan, int c, Clock::time_point end, Shared& shared) {
    std::vector<double> lat;
    std::vector<std::string> failures;
    std::size_t failed = 0, server_errors = 0;
    std::unique_ptr<Connection> conn;
    for (std::size_t n = 0; Clock::now() < end; ++n) {
        const std::string target = plan.target(c, n);
        const auto start = Clock::now();
        std::optional<HttpResponse> r;
        // A keep-alive connection the server closed (idle timeout, request cap) is reopened
        // once; only a fresh connection that fails counts as a failed request.
        for (int attempt = 0; attempt < 2 && !r; ++attempt) {
            const bool fresh = !conn;
            if (!conn) conn = std::make_unique<Connection>(plan.port);
            if (conn->ok() &&
                conn->send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
                r = conn->read_response(std::chrono::seconds(30));
            }
            if (!r) {
                conn.reset();
                if (fresh) break;
            }
        }
        lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        std::string why;
        if (!r) {
            why = "no answer";
        } else {
            if (r->status >= 500) ++server_errors;
            why = plan.check(target, *r);
            if (r->header("connection") == "close") conn.reset();
        }
        if (!why.empty()) {
            ++failed;
            failures.push_back(target.substr(0, 120) + ": " + why);
        }
    }
    shared.record(lat, failed, server_errors, failures);
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[i];
}

}  // namespace

LoadResult run_load(const LoadPlan& plan) {
    Shared shared;
    const auto start = Clock::now();
    const auto end = start + plan.duration;
    {
        std::vector<std::jthread> clients;
        for (int c = 0; c < plan.connections; ++c) {
            clients.emplace_back([&, c] { one_client(plan, c, end, shared); });
        }
    }
    LoadResult result = std::move(shared.result);
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    auto& lat = shared.latencies_ms;
    std::sort(lat.begin(), lat.end());
    result.p50_ms = percentile(lat, 0.50);
    result.p99_ms = percentile(lat, 0.99);
    result.max_ms = lat.empty() ? 0 : lat.back();
    return result;
}

}  // namespace news::test
