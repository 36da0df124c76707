#include "server_fixture.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace news::test {

using namespace std::chrono_literals;

TempDir::TempDir(const std::string& name)
    : path(fs::path(NEWS_SERVER_TEST_TMP) / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
}

fs::path shared_index() {
    return NEWS_SERVER_TEST_INDEX;
}
fs::path corpus_dir() {
    return NEWS_CORPUS_DIR;
}
fs::path test_data_dir() {
    return NEWS_SERVER_TEST_DATA;
}

namespace {

pid_t spawn(const std::vector<std::string>& argv, const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    return pid;
}

int exit_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

int run_command(const std::vector<std::string>& argv, const fs::path& log) {
    const pid_t pid = spawn(argv, log);
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return exit_status(status);
}

int run_indexer(const fs::path& db, const std::vector<fs::path>& inputs) {
    std::vector<std::string> argv{NEWS_INDEXER_BIN, "index", "--quiet", "--db", db.string()};
    for (const auto& i : inputs) argv.push_back(i.string());
    return run_command(argv, db.parent_path() / "indexer.log");
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

ServerProcess::ServerProcess(const fs::path& index, std::vector<std::string> extra,
                             const fs::path& web) {
    static int counter = 0;
    log_ = fs::path(NEWS_SERVER_TEST_TMP) /
           ("server-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".log");
    fs::create_directories(log_.parent_path());
    // A port found free can be taken before the server binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = free_port();
        std::vector<std::string> argv{NEWS_SERVER_BIN,
                                      "--index",
                                      index.string(),
                                      "--port",
                                      std::to_string(port_),
                                      "--bind",
                                      "127.0.0.1",
                                      "--web",
                                      web.empty() ? "/nonexistent" : web.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        pid_ = spawn(argv, log_);
        exited_ = false;
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline && running()) {
            httplib::Client c("127.0.0.1", port_);
            c.set_connection_timeout(0, 200'000);
            if (auto r = c.Get("/healthz"); r && r->status == 200) return;
            std::this_thread::sleep_for(20ms);
        }
        if (running()) break;  // alive but not answering: give up below
    }
    throw std::runtime_error("server did not start; log:\n" + log());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && running()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    fs::remove(log_, ec);
}

bool ServerProcess::running() {
    if (exited_) return false;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        exited_ = true;
        status_ = exit_status(status);
        return false;
    }
    return true;
}

int ServerProcess::terminate(std::chrono::milliseconds limit) {
    if (!running()) return status_;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running()) return status_;
        std::this_thread::sleep_for(10ms);
    }
    return -1;
}

std::string ServerProcess::log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

httplib::Client ServerProcess::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(10, 0);
    c.set_url_encode(false);
    return c;
}

httplib::Result ServerProcess::get(const std::string& path) const {
    return client().Get(path);
}

nlohmann::json ServerProcess::get_json(const std::string& path, int expected_status) const {
    auto r = get(path);
    if (!r) throw std::runtime_error("no response for " + path);
    if (r->status != expected_status) {
        throw std::runtime_error("GET " + path + ": status " + std::to_string(r->status) +
                                 " (expected " + std::to_string(expected_status) + "): " + r->body);
    }
    if (r->get_header_value("Content-Type").find("application/json") != 0) {
        throw std::runtime_error("GET " + path +
                                 ": not JSON: " + r->get_header_value("Content-Type"));
    }
    return nlohmann::json::parse(r->body);
}

std::string strip_marks(std::string html) {
    for (const std::string tag : {"<mark>", "</mark>"}) {
        for (auto pos = html.find(tag); pos != std::string::npos; pos = html.find(tag, pos)) {
            html.erase(pos, tag.size());
        }
    }
    return html;
}

}  // namespace news::test
