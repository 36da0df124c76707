#include "common/load_loop.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "common/cpu_time.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

struct ThreadResult {
    std::vector<double> latencies_ms;
    std::size_t failed = 0;
    long long hits = 0;
    Clock::time_point finished;
};

}  // namespace

LoadResult run_load(std::size_t query_count, const LoadOptions& options,
                    const WorkerFactory& factory) {
    if (query_count == 0) throw std::invalid_argument("no queries");
    const int c = std::max(1, options.concurrency);
    std::vector<ThreadResult> results(static_cast<std::size_t>(c));
    std::atomic<std::size_t> issued{0};
    std::barrier ready(c + 1);
    Clock::time_point measure_start;
    Clock::time_point measure_end;
    std::exception_ptr error;
    std::mutex error_mutex;

    auto work = [&](int t) {
        QueryFn query;
        try {
            query = factory(t);
        } catch (...) {
            std::lock_guard lock(error_mutex);
            error = std::current_exception();
        }
        ready.arrive_and_wait();  // the main thread sets the clock after every worker is ready
        ready.arrive_and_wait();
        if (!query) return;
        auto& r = results[static_cast<std::size_t>(t)];
        // Each thread starts at its own offset so that threads do not ask the same query at once.
        std::size_t i = query_count * static_cast<std::size_t>(t) / static_cast<std::size_t>(c);
        while (true) {
            const auto start = Clock::now();
            if (start >= measure_end) break;
            const bool measured = start >= measure_start;
            if (measured && issued.fetch_add(1) >= options.max_requests) break;
            const Outcome out = query(i);
            const auto stop = Clock::now();
            i = (i + 1) % query_count;
            if (!measured) continue;
            if (out.ok) {
                r.latencies_ms.push_back(
                    std::chrono::duration<double, std::milli>(stop - start).count());
                r.hits += out.hits;
            } else {
                ++r.failed;
            }
        }
        r.finished = Clock::now();
    };

    std::vector<std::jthread> threads;
    threads.reserve(static_cast<std::size_t>(c));
    for (int t = 0; t < c; ++t) threads.emplace_back(work, t);
    ready.arrive_and_wait();
    const auto now = Clock::now();
    measure_start = now + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(options.warmup_seconds));
    measure_end = measure_start + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(options.seconds));
    ready.arrive_and_wait();
    std::this_thread::sleep_until(measure_start);
    const double client_before = self_cpu_seconds();
    const double server_before =
        options.server_pid > 0 ? process_cpu_seconds(options.server_pid) : -1;
    threads.clear();  // joins
    if (error) std::rethrow_exception(error);

    LoadResult total;
    auto last = measure_start;
    for (auto& r : results) {
        total.latencies_ms.insert(total.latencies_ms.end(), r.latencies_ms.begin(),
                                  r.latencies_ms.end());
        total.failed += r.failed;
        total.hits += r.hits;
        last = std::max(last, r.finished);
    }
    total.seconds = std::chrono::duration<double>(last - measure_start).count();
    total.client_cpu_seconds = self_cpu_seconds() - client_before;
    if (server_before >= 0) {
        const double server_after = process_cpu_seconds(options.server_pid);
        if (server_after >= 0) total.server_cpu_seconds = server_after - server_before;
    }
    return total;
}

}  // namespace bench
