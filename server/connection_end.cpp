#include "server/connection_end.hpp"

#include <dirent.h>
#include <httplib.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

struct Endpoint {
    std::string host;
    int port = -1;
};

// The same numeric form cpp-httplib gives Request::remote_addr (getnameinfo, NI_NUMERICHOST).
Endpoint endpoint_of(const sockaddr_storage& addr, socklen_t len) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> serv{};
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host.data(), host.size(),
                      serv.data(), serv.size(), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return {};
    }
    return {host.data(), std::atoi(serv.data())};
}

bool is_connection_of(int fd, const httplib::Request& req) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
    const auto peer = endpoint_of(addr, len);
    if (peer.port != req.remote_port || peer.host != req.remote_addr) return false;
    if (req.local_port <= 0) return true;
    len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
    return endpoint_of(addr, len).port == req.local_port;
}

// Handlers never see the socket, so it is found among the process's open descriptors by the
// request's two endpoints, which identify one TCP connection. This runs only for the rare
// refused request with an unread body, and costs one directory listing of /proc/self/fd.
int find_socket(const httplib::Request& req) {
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir("/proc/self/fd"), ::closedir);
    if (!dir) return -1;
    while (const dirent* e = ::readdir(dir.get())) {
        char* end = nullptr;
        const long fd = std::strtol(e->d_name, &end, 10);
        if (end == e->d_name || *end != '\0' || fd < 3 || fd == ::dirfd(dir.get())) continue;
        if (is_connection_of(static_cast<int>(fd), req)) return static_cast<int>(fd);
    }
    return -1;
}

// Reads and discards what the client still sends until it closes its side, or the limits run
// out. Closing a socket with unread input makes the kernel send a reset, which can destroy the
// response before the client has read it; draining first avoids that (a "lingering close").
void drain(int fd, const LingerLimits& limits) {
    const auto deadline = Clock::now() + limits.time;
    std::array<char, 16384> buf{};
    std::size_t drained = 0;
    while (drained < limits.bytes) {
        // Past the deadline, poll does not wait: only what is already queued is read.
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 0)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return;
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
        if (n == 0) return;  // the client closed: nothing more can arrive
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return;
        }
        drained += static_cast<std::size_t>(n);
    }
}

// Puts a socket whose peer is gone in place of `fd`: the library's next read on `fd` sees the
// end of the stream and ends the connection; it still closes `fd` itself, as it owns it. A bare
// shutdown(SHUT_RD) is not enough on Linux: data already queued, or arriving later, can still
// be read after it.
bool replace_with_closed_socket(int fd) {
    std::array<int, 2> pair{};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair.data()) != 0) return false;
    ::close(pair[1]);
    const bool ok = ::dup2(pair[0], fd) == fd;
    ::close(pair[0]);
    return ok;
}

}  // namespace

void end_connection_after_response(const httplib::Request& req, const LingerLimits& limits) {
    const int fd = find_socket(req);
    if (fd < 0) return;
    ::shutdown(fd, SHUT_WR);  // the response is complete: FIN after it
    drain(fd, limits);
    if (!replace_with_closed_socket(fd)) {
        // No descriptor left for the swap: stop reading and empty the queue once more. Bytes
        // the client sends after this could still be read by the library, but any answer to
        // them fails, since the writing side is shut.
        ::shutdown(fd, SHUT_RD);
        drain(fd, LingerLimits{std::chrono::milliseconds(0), limits.bytes});
    }
}

}  // namespace news
