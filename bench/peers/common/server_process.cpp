#include "server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace peers {
namespace {

// Closes a socket on every path out.
struct Socket {
    int fd;
    explicit Socket(int f) : fd(f) {}
    ~Socket() {
        if (fd >= 0) close(fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
};

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

}  // namespace

int free_loopback_port() {
    Socket s(socket(AF_INET, SOCK_STREAM, 0));
    if (s.fd < 0) throw std::runtime_error("socket() failed");
    auto addr = loopback(0);
    if (bind(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error("bind to 127.0.0.1:0 failed");
    socklen_t len = sizeof addr;
    getsockname(s.fd, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

void run_command(const std::vector<std::string>& argv, const std::string& log_path) {
    std::string line;
    for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed for: " + line);
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (!log_path.empty()) {
            const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (fd >= 0) {
                dup2(fd, STDERR_FILENO);
                close(fd);
            }
        }
        dup2(STDERR_FILENO, STDOUT_FILENO);  // a helper's output never mixes with our JSON
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && !log_path.empty()) {
        std::ifstream log(log_path);
        std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        std::cerr << text.substr(text.size() > 4000 ? text.size() - 4000 : 0);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("command failed (status " + std::to_string(status) + "): " + line);
}

std::string peers_script_dir() {
    if (const char* env = std::getenv("NEWS_BENCH_PEERS_DIR"); env && *env) return env;
    return PEERS_SCRIPT_DIR;
}

bool wait_for_port(int port, double timeout_s) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
    while (std::chrono::steady_clock::now() < deadline) {
        Socket s(socket(AF_INET, SOCK_STREAM, 0));
        auto addr = loopback(port);
        if (s.fd >= 0 && connect(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

long read_pid_file(const std::string& path) {
    std::ifstream in(path);
    long pid = -1;
    in >> pid;
    return in ? pid : -1;
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text << "\n";
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::string s;
    std::getline(in, s);
    return s;
}

}  // namespace peers
