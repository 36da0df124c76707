// Small measuring helpers: wall clock, latency percentiles, memory and disk footprint.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace peers {

class Stopwatch {
  public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

  private:
    std::chrono::steady_clock::time_point start_;
};

// p in [0, 100]; nearest-rank on a sorted copy. Empty input gives 0.
double percentile(std::vector<double> values, double p);

// Peak RSS in MB of this process and of its largest waited-for child (getrusage).
double peak_rss_self_mb();
double peak_rss_children_mb();

// VmHWM (peak resident set) of another process in MB, or -1 when it cannot be read.
double process_peak_rss_mb(long pid);

// CPU time (user + system, all threads) of this process, and of another process from
// /proc/<pid>/stat (-1 when it cannot be read). Under a shared, loaded machine CPU time per query
// is steadier than wall-clock throughput.
double self_cpu_seconds();
double children_cpu_seconds();  // waited-for children (getrusage RUSAGE_CHILDREN)
double process_cpu_seconds(long pid);

// Disk usage of a file or directory tree in MB (allocated blocks, as `du` counts).
double disk_usage_mb(const std::string& path);

}  // namespace peers
