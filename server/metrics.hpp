#pragma once
// Request counters and a latency histogram per route, rendered in the Prometheus text format.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

struct Gauge {
    std::string name;
    std::string help;
    double value;
};

class Metrics {
  public:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    // `route` must come from a bounded set (see route_name) so paths cannot create new series.
    void record(std::string_view route, int status, double seconds);
    // One more request answered by the search fast path (recorded with record() as well).
    void count_fast_path() { fast_path_.fetch_add(1, std::memory_order_relaxed); }

    // All counters and histograms, then the given gauges (index size, articles ...).
    std::string render(const std::vector<Gauge>& gauges) const;

  private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram, std::less<>> latency_;
    std::atomic<std::uint64_t> fast_path_{0};
};

}  // namespace news
