#pragma once
// What every reliability test stands on: temporary directories, the indexer and the real server
// binary started on a free loopback port, and the checks shared by the tests.

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/reliability/support/child_process.hpp"
#include "tests/reliability/support/raw_http.hpp"

namespace news::test {

std::filesystem::path bin_dir();     // build/bin
std::filesystem::path corpus_dir();  // data/corpus
std::filesystem::path web_dir();     // web/
bool long_tests_enabled();           // NEWS_LONG_TESTS=1

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

int free_port();

// Runs `indexer index --db DB --quiet INPUT...`; its output is appended to `log`.
ExitStatus run_indexer(const std::filesystem::path& db, const std::vector<std::string>& inputs,
                       const std::filesystem::path& log,
                       const std::vector<std::string>& extra = {});
std::vector<std::string> indexer_args(const std::filesystem::path& db,
                                      const std::vector<std::string>& inputs,
                                      const std::vector<std::string>& extra = {});

// An index of the bundled corpus, built once per test process.
std::filesystem::path corpus_index();

struct ServerOptions {
    ServerOptions(std::filesystem::path index, std::filesystem::path web = {},
                  nlohmann::json extra_config = nlohmann::json::object())
        : index_dir(std::move(index)), web_dir(std::move(web)), config(std::move(extra_config)) {}
    std::filesystem::path index_dir;
    std::filesystem::path web_dir;  // empty: the repository's web/
    nlohmann::json config;          // merged over the test defaults
};

class ServerProcess {
  public:
    explicit ServerProcess(ServerOptions options);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    const ServerOptions& options() const { return options_; }

    int port() const { return port_; }
    long rss_kib() const { return child_->rss_kib(); }
    int thread_count() const { return child_->thread_count(); }
    std::string log_text() const;
    ChildProcess& process() { return *child_; }

    // GET on a fresh connection; throws when no response arrives.
    HttpResponse get(const std::string& target,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
    bool healthy() const;  // /healthz answers 200 {"status":"ok"}

  private:
    ServerOptions options_;
    TempDir work_;
    int port_ = 0;
    std::unique_ptr<ChildProcess> child_;
};

// True when `r` is the documented error body {"error": code, "message": text} with `status`.
// On a mismatch, `why` says what differed.
bool is_json_error(const HttpResponse& r, int status, const std::string& code, std::string& why);
bool is_json_error_any(const HttpResponse& r, std::string& why);  // any 4xx JSON error body

nlohmann::json json_body(const HttpResponse& r);  // throws when not JSON

// Writes `articles` (id, title, body, ...) as a JSON Lines feed.
void write_feed(const std::filesystem::path& path, const std::vector<nlohmann::json>& articles);

// Ids of all documents in a Xapian database (the unique "Q" terms), sorted.
std::vector<std::string> index_ids(const std::filesystem::path& db);

}  // namespace news::test
