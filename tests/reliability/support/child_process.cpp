#include "tests/reliability/support/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace news::test {
namespace {

ExitStatus decode(int raw) {
    if (WIFEXITED(raw)) return {true, WEXITSTATUS(raw)};
    return {false, WTERMSIG(raw)};
}

long status_field(pid_t pid, const std::string& field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) == 0) {
            std::istringstream value(line.substr(field.size() + 1));
            long n = 0;
            value >> n;
            return n;
        }
    }
    return 0;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log,
                           std::optional<rlim_t> max_file_bytes) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot open log " + log.string());
    pid_ = ::fork();
    if (pid_ < 0) {
        ::close(fd);
        throw std::runtime_error("fork failed");
    }
    if (pid_ == 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
        if (max_file_bytes) {
            const rlimit limit{*max_file_bytes, *max_file_bytes};
            ::signal(SIGXFSZ, SIG_IGN);  // an ignored signal stays ignored across exec
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fd);
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !status_) {
        ::kill(pid_, SIGKILL);
        int raw = 0;
        ::waitpid(pid_, &raw, 0);
    }
}

bool ChildProcess::running() {
    return !wait_for(std::chrono::milliseconds(0));
}

void ChildProcess::signal(int sig) const {
    if (pid_ > 0 && !status_) ::kill(pid_, sig);
}

std::optional<ExitStatus> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
    if (status_) return status_;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int raw = 0;
        const pid_t r = ::waitpid(pid_, &raw, WNOHANG);
        if (r == pid_) {
            status_ = decode(raw);
            return status_;
        }
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

long ChildProcess::rss_kib() const {
    return status_field(pid_, "VmRSS");
}
int ChildProcess::thread_count() const {
    return static_cast<int>(status_field(pid_, "Threads"));
}

ExitStatus run_command(const std::vector<std::string>& argv, const std::filesystem::path& log,
                       std::chrono::milliseconds timeout, std::optional<rlim_t> max_file_bytes) {
    ChildProcess child(argv, log, max_file_bytes);
    if (auto status = child.wait_for(timeout)) return *status;
    child.signal(SIGKILL);
    if (auto status = child.wait_for(std::chrono::seconds(10))) return *status;
    throw std::runtime_error("command did not end: " + argv.front());
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace news::test
