#pragma once
// A child process started from the tests (the server, the indexer), killed and reaped when the
// handle goes out of scope so that a failing test never leaves a server behind.

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace news::test {

struct ExitStatus {
    bool exited = false;  // false: killed by a signal
    int code = 0;         // exit code, or the signal number
};

class ChildProcess {
  public:
    // Starts argv[0] with the given arguments; stdout and stderr go to `log` (appended). With
    // `max_file_bytes`, the child may not grow any file beyond it (RLIMIT_FSIZE, SIGXFSZ ignored
    // so a write past it fails with EFBIG): a stand-in for a full disk where mounting is denied.
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log,
                 std::optional<rlim_t> max_file_bytes = std::nullopt);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    void signal(int sig) const;
    // Waits up to `timeout` for the child to end; nullopt when it is still running.
    std::optional<ExitStatus> wait_for(std::chrono::milliseconds timeout);
    // Resident set size in KiB from /proc/PID/status (0 when unknown).
    long rss_kib() const;
    int thread_count() const;

  private:
    pid_t pid_ = -1;
    std::optional<ExitStatus> status_;
};

// Runs a command to completion (bounded by `timeout`, then SIGKILL) and returns its status; the
// output goes to `log`.
ExitStatus run_command(const std::vector<std::string>& argv, const std::filesystem::path& log,
                       std::chrono::milliseconds timeout = std::chrono::minutes(5),
                       std::optional<rlim_t> max_file_bytes = std::nullopt);

std::string read_file(const std::filesystem::path& path);

}  // namespace news::test
