// Helpers for the peers that run a separate server (PostgreSQL, Sphinx searchd) on loopback.
#pragma once

#include <string>
#include <vector>

namespace peers {

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, read it, close).
int free_loopback_port();

// Runs a command (argv form, no shell); throws with the command line when it exits non-zero.
// Its output goes to `log_path` (appended) when given, else to our stderr; on failure the end
// of the log is copied to stderr. Our stdout is reserved for the JSON lines.
void run_command(const std::vector<std::string>& argv, const std::string& log_path = "");

// Directory holding the peers' helper scripts (postgres.sh, ...): $NEWS_BENCH_PEERS_DIR or the
// source directory the binary was built from.
std::string peers_script_dir();

// Waits until something accepts TCP connections on 127.0.0.1:port; false after timeout_s.
bool wait_for_port(int port, double timeout_s);

// First number in a pid file, or -1.
long read_pid_file(const std::string& path);

// Writes / reads a small text file (the port a server of this workdir was started on).
void write_text(const std::string& path, const std::string& text);
std::string read_text(const std::string& path);

}  // namespace peers
