#pragma once
// Runs a command to completion and reports its wall time and peak resident memory, measured by
// the kernel (wait4 rusage) rather than sampled, so short peaks are not missed.

#include <string>
#include <vector>

namespace bench {

struct ChildUsage {
    int exit_code = -1;  // 128 + signal when killed by a signal
    double seconds = 0;
    double peak_rss_mb = 0;
    double cpu_seconds = 0;  // user + system
};

// argv[0] is the program path. The child's stdout goes to our stderr so that the JSON line on
// our stdout stays alone. Throws std::runtime_error when the program cannot be started.
ChildUsage run_measured(const std::vector<std::string>& argv);

}  // namespace bench
