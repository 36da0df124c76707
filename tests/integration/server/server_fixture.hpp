#pragma once
// Starting the real `server` binary on a free loopback port and talking to it over HTTP.
// Paths to the binaries and the shared test index come from CMake (see CMakeLists.txt).

#include <httplib.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace news::test {

namespace fs = std::filesystem;

// A fresh directory under the build tree's temp area, removed on destruction.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// The index built from data/corpus (plus the markup feed) by the ctest fixture.
fs::path shared_index();
fs::path corpus_dir();
fs::path test_data_dir();

// Runs the indexer over `inputs` into `db`; returns its exit status.
int run_indexer(const fs::path& db, const std::vector<fs::path>& inputs);

// Runs a command, waits, returns its exit status (or -1).
int run_command(const std::vector<std::string>& argv, const fs::path& log);

int free_port();

class ServerProcess {
  public:
    // Starts `server --index INDEX --port P --web WEB ...extra` and waits until /healthz answers.
    ServerProcess(const fs::path& index, std::vector<std::string> extra = {},
                  const fs::path& web = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    httplib::Client client() const;
    httplib::Result get(const std::string& path) const;
    nlohmann::json get_json(const std::string& path, int expected_status = 200) const;

    // Sends SIGTERM and waits up to `limit`; returns the exit status, or -1 when it did not exit.
    int terminate(std::chrono::milliseconds limit = std::chrono::seconds(15));
    bool running();
    std::string log() const;

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    fs::path log_;
    bool exited_ = false;
    int status_ = -1;
};

// Title/snippet HTML with every <mark> and </mark> removed: what is left must hold no markup.
std::string strip_marks(std::string html);

}  // namespace news::test
