#include "load.hpp"

#include <chrono>
#include <iostream>
#include <latch>
#include <mutex>
#include <thread>

#include "metrics.hpp"

namespace peers {

std::atomic<bool> g_interrupted{false};

namespace {

using Clock = std::chrono::steady_clock;

struct ThreadTally {
    std::vector<double> latencies_ms;
    std::size_t failed = 0;
    std::size_t hits = 0;
    std::size_t all = 0;
    Clock::time_point finished;
};

}  // namespace

LoadResult run_load(Engine& engine, const std::vector<Query>& queries, int concurrency,
                    double warmup_s, double seconds) {
    const auto n = queries.size();
    std::vector<ThreadTally> tallies(static_cast<std::size_t>(concurrency));
    std::latch connected(concurrency);
    std::mutex error_mutex;
    std::size_t errors_shown = 0;
    std::atomic<bool> connect_failed{false};
    Clock::time_point warm_end, end;
    std::atomic<bool> times_set{false};
    std::mutex times_mutex;

    auto worker = [&](std::size_t t) {
        std::unique_ptr<Searcher> searcher;
        try {
            searcher = engine.connect();
        } catch (const std::exception& e) {
            std::lock_guard lock(error_mutex);
            std::cerr << engine.name() << ": connect failed: " << e.what() << "\n";
            connect_failed = true;
        }
        connected.arrive_and_wait();  // every connection open before the clock starts
        if (connect_failed) return;
        {
            std::lock_guard lock(times_mutex);
            if (!times_set) {
                const auto start = Clock::now();
                warm_end = start + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(warmup_s));
                end = warm_end + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds));
                times_set = true;
            }
        }
        auto& tally = tallies[t];
        // Each thread starts at its own offset so threads do not run the same query in step.
        std::size_t i = t * n / static_cast<std::size_t>(concurrency);
        for (;; i = (i + 1) % n) {
            const auto t0 = Clock::now();
            if (t0 >= end || g_interrupted) break;
            std::size_t hits = 0;
            bool ok = true;
            try {
                hits = searcher->search(queries[i]).size();
            } catch (const std::exception& e) {
                ok = false;
                std::lock_guard lock(error_mutex);
                if (errors_shown++ < 5)
                    std::cerr << engine.name() << ": query [" << queries[i].raw
                              << "] failed: " << e.what() << "\n";
            } catch (...) {  // an engine exception type the harness forgot to translate
                ok = false;
                std::lock_guard lock(error_mutex);
                if (errors_shown++ < 5)
                    std::cerr << engine.name() << ": query [" << queries[i].raw
                              << "] failed (unknown exception)\n";
            }
            const auto t1 = Clock::now();
            ++tally.all;
            if (t0 < warm_end) continue;
            tally.latencies_ms.push_back(
                std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (ok)
                tally.hits += hits;
            else
                ++tally.failed;
        }
        tally.finished = Clock::now();
    };

    const double cpu_before = self_cpu_seconds();
    std::vector<std::jthread> threads;
    for (int t = 0; t < concurrency; ++t) threads.emplace_back(worker, static_cast<std::size_t>(t));
    threads.clear();  // joins
    const double cpu_after = self_cpu_seconds();
    if (connect_failed) throw std::runtime_error("could not open every connection");

    LoadResult r;
    std::vector<double> all;
    Clock::time_point last = warm_end;
    std::size_t hits = 0;
    for (const auto& t : tallies) {
        all.insert(all.end(), t.latencies_ms.begin(), t.latencies_ms.end());
        r.failed += t.failed;
        hits += t.hits;
        if (t.finished > last) last = t.finished;
        r.all_queries += t.all;
    }
    r.client_cpu_s = cpu_after - cpu_before;
    r.queries = all.size();
    r.seconds = std::chrono::duration<double>(last - warm_end).count();
    r.qps = r.seconds > 0 ? r.queries / r.seconds : 0;
    r.p50_ms = percentile(all, 50);
    r.p95_ms = percentile(all, 95);
    r.p99_ms = percentile(all, 99);
    const auto ok = r.queries - r.failed;
    r.mean_hits = ok ? static_cast<double>(hits) / ok : 0;
    return r;
}

void print_check(Engine& engine, const std::vector<Query>& queries) {
    auto searcher = engine.connect();
    std::vector<const Query*> picks;
    for (const auto& q : queries) {
        if (picks.size() < 4 && !q.phrase) picks.push_back(&q);
    }
    for (const auto& q : queries) {
        if (q.phrase) {
            picks.push_back(&q);
            if (picks.size() >= 6) break;
        }
    }
    for (const auto* q : picks) {
        std::cerr << "== " << engine.name() << " query: " << q->raw << "\n";
        try {
            const auto hits = searcher->search(*q);
            if (hits.empty()) std::cerr << "   (no hits)\n";
            int rank = 0;
            for (const auto& h : hits) {
                std::cerr << "  " << ++rank << ". [" << h.id << "] " << h.title << "\n     "
                          << h.snippet << "\n";
                if (rank >= 3) break;
            }
            std::cerr << "   (" << hits.size() << " hits returned)\n";
        } catch (const std::exception& e) {
            std::cerr << "   FAILED: " << e.what() << "\n";
        }
    }
}

}  // namespace peers
