#include "tests/reliability/support/fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <thread>

#include "core/index/schema.hpp"

namespace news::test {

namespace fs = std::filesystem;

fs::path bin_dir() {
    return NEWS_BIN_DIR;
}
fs::path corpus_dir() {
    return NEWS_CORPUS_DIR;
}
fs::path web_dir() {
    return fs::path(NEWS_SOURCE_DIR) / "web";
}

bool long_tests_enabled() {
    const char* v = std::getenv("NEWS_LONG_TESTS");
    return v != nullptr && std::string(v) == "1";
}

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "news-reliability-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    // Tests may have taken permissions away; give them back so the tree can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::vector<std::string> indexer_args(const fs::path& db, const std::vector<std::string>& inputs,
                                      const std::vector<std::string>& extra) {
    std::vector<std::string> argv{(bin_dir() / "indexer").string(), "index", "--db", db.string(),
                                  "--quiet"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    return argv;
}

ExitStatus run_indexer(const fs::path& db, const std::vector<std::string>& inputs,
                       const fs::path& log, const std::vector<std::string>& extra) {
    return run_command(indexer_args(db, inputs, extra), log);
}

fs::path corpus_index() {
    static TempDir dir;
    static const fs::path db = [] {
        const fs::path path = dir / "index";
        const auto status = run_indexer(path, {corpus_dir().string()}, dir / "indexer.log");
        if (!status.exited || status.code != 0) {
            throw std::runtime_error("indexing the corpus failed: " +
                                     read_file(dir / "indexer.log"));
        }
        return path;
    }();
    return db;
}

namespace {

nlohmann::json default_config() {
    return {{"threads", 2},
            {"log", {{"level", "warn"}, {"access_log", false}}},
            {"limits", {{"read_timeout_ms", 2000}, {"write_timeout_ms", 2000}}}};
}

}  // namespace

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
    nlohmann::json config = default_config();
    config.merge_patch(options_.config);
    const fs::path config_path = work_ / "server.json";
    std::ofstream(config_path) << config.dump(2);
    const fs::path web = options_.web_dir.empty() ? web_dir() : options_.web_dir;
    // The port is free when picked but could be taken before the server binds: retry then.
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = free_port();
        child_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{(bin_dir() / "server").string(), "--config",
                                     config_path.string(), "--index", options_.index_dir.string(),
                                     "--port", std::to_string(port_), "--bind", "127.0.0.1",
                                     "--web", web.string()},
            work_ / "server.log");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline && child_->running()) {
            if (healthy()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        child_->signal(SIGKILL);
        child_->wait_for(std::chrono::seconds(5));
    }
    throw std::runtime_error("server did not start: " + log_text());
}

ServerProcess::~ServerProcess() {
    if (child_) {
        child_->signal(SIGTERM);
        child_->wait_for(std::chrono::seconds(10));
    }
}

std::string ServerProcess::log_text() const {
    return read_file(work_.path() / "server.log");
}

HttpResponse ServerProcess::get(const std::string& target,
                                std::chrono::milliseconds timeout) const {
    auto r = test::get(port_, target, timeout);
    if (!r) throw std::runtime_error("no response to GET " + target.substr(0, 200));
    return *r;
}

bool ServerProcess::healthy() const {
    auto r = test::get(port_, "/healthz", std::chrono::seconds(5));
    if (!r || r->status != 200) return false;
    const auto j = nlohmann::json::parse(r->body, nullptr, false);
    return j.is_object() && j.value("status", "") == "ok";
}

bool is_json_error_any(const HttpResponse& r, std::string& why) {
    if (r.status < 400 || r.status >= 500) {
        why = "status " + std::to_string(r.status) + " is not a 4xx";
        return false;
    }
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_string() ||
        !j.contains("message") || !j["message"].is_string() ||
        j["message"].get<std::string>().empty()) {
        why = "body is not {\"error\", \"message\"}: " + r.body.substr(0, 300);
        return false;
    }
    if (r.header("content-type").find("application/json") == std::string::npos) {
        why = "content-type is " + r.header("content-type");
        return false;
    }
    return true;
}

bool is_json_error(const HttpResponse& r, int status, const std::string& code, std::string& why) {
    if (r.status != status) {
        why = "status " + std::to_string(r.status) + ", wanted " + std::to_string(status) +
              "; body " + r.body.substr(0, 300);
        return false;
    }
    if (status < 500 && !is_json_error_any(r, why)) return false;
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || j.value("error", "") != code || !j["message"].is_string()) {
        why = "wanted error code " + code + ": " + r.body.substr(0, 300);
        return false;
    }
    return true;
}

nlohmann::json json_body(const HttpResponse& r) {
    return nlohmann::json::parse(r.body);
}

void write_feed(const fs::path& path, const std::vector<nlohmann::json>& articles) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        for (const auto& a : articles) out << a.dump() << '\n';
    }
    fs::rename(tmp, path);  // the indexer never sees a half-written feed
}

std::vector<std::string> index_ids(const fs::path& db) {
    Xapian::Database database(db.string());
    std::vector<std::string> ids;
    const std::string prefix(schema::kId);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        ids.push_back((*it).substr(prefix.size()));
    }
    return ids;
}

}  // namespace news::test
