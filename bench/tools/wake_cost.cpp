// What a round trip over loopback TCP costs on this machine beyond the work it waits for, as a
// function of that work: a server thread that reads one byte, spins for W µs (standing for a
// search) and answers one byte, polling for the next request as our server does; a client that
// sends and sleeps in recv() for the answer, as http_load and wrk do. No HTTP, no search: what
// is left is the kernel and the machine. On the bench VM the cost jumps once the client sleeps
// for longer than about 150 µs, presumably where its idle vCPU is given back to the host
// (bench/README.md).
// Prints one line per W:
// {"kind":"wake_cost","work_us","poll_us","round_trips","round_trip_us","overhead_us"}.
//
// usage: wake_cost [--work-us 0,50,100,150,200,300] [--poll-us 200] [--round-trips 3000]

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "common/cli.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Micros = std::chrono::duration<double, std::micro>;

class Socket {
  public:
    explicit Socket(int fd) : fd_(fd) {
        if (fd_ < 0) throw std::runtime_error("socket failed");
    }
    ~Socket() { ::close(fd_); }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_;
};

void no_delay(int fd) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void spin_for(std::chrono::microseconds d) {
    const auto until = Clock::now() + d;
    while (Clock::now() < until) {
    }
}

// Answers each byte after `work`; after an answer asks for the next byte without sleeping for up
// to `poll` (server/event_loop.cpp does the same). A 'q' ends it.
void serve(int listener, std::chrono::microseconds work, std::chrono::microseconds poll) {
    // On this thread a throw would end the process: a failed accept (the client could not
    // connect and shut the listener down) just ends the server.
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0) return;
    const Socket s(fd);
    no_delay(s.fd());
    char b = 0;
    for (;;) {
        bool got = false;
        for (const auto until = Clock::now() + poll; !got && Clock::now() < until;)
            got = ::recv(s.fd(), &b, 1, MSG_DONTWAIT) == 1;
        if (!got && ::recv(s.fd(), &b, 1, 0) != 1) return;
        if (b == 'q') return;
        spin_for(work);
        if (::send(s.fd(), &b, 1, 0) != 1) return;
    }
}

// Mean microseconds per round trip of a sleeping client against serve(work, poll).
double round_trip_us(int work_us, int poll_us, int round_trips) {
    const Socket listener(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(listener.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener.fd(), 1) != 0 ||
        ::getsockname(listener.fd(), reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        throw std::runtime_error("cannot listen on 127.0.0.1");
    // Made before the server thread, so that a failure here leaves no thread to join.
    const Socket client(::socket(AF_INET, SOCK_STREAM, 0));
    std::thread server(serve, listener.fd(), std::chrono::microseconds(work_us),
                       std::chrono::microseconds(poll_us));
    if (::connect(client.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::shutdown(listener.fd(), SHUT_RDWR);
        server.join();
        throw std::runtime_error("cannot connect to 127.0.0.1");
    }
    no_delay(client.fd());
    char b = 'x';
    bool ok = true;
    const auto start = Clock::now();
    for (int i = 0; ok && i < round_trips; ++i)
        ok = ::send(client.fd(), &b, 1, 0) == 1 && ::recv(client.fd(), &b, 1, 0) == 1;
    const double took = Micros(Clock::now() - start).count();
    b = 'q';
    ::send(client.fd(), &b, 1, 0);
    server.join();
    if (!ok) throw std::runtime_error("a round trip failed");
    return took / round_trips;
}

std::vector<int> int_list(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        int v = -1;
        const auto [end, err] = std::from_chars(item.data(), item.data() + item.size(), v);
        if (err != std::errc() || end != item.data() + item.size() || v < 0 || v > 100'000)
            throw std::invalid_argument("--work-us: comma-separated integers from 0 to 100000");
        out.push_back(v);
    }
    if (out.empty()) throw std::invalid_argument("--work-us: at least one value");
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv, {"--work-us", "--poll-us", "--round-trips"});
    const auto works = int_list(args.str("--work-us", "0,50,100,150,200,300"));
    const auto poll_us =
        static_cast<int>(std::clamp(args.integer("--poll-us", 200), 0LL, 10'000LL));
    const auto trips =
        static_cast<int>(std::clamp(args.integer("--round-trips", 3000), 1LL, 1'000'000LL));
    for (const int w : works) {
        const double rt = round_trip_us(w, poll_us, trips);
        const nlohmann::json line = {{"kind", "wake_cost"},
                                     {"work_us", w},
                                     {"poll_us", poll_us},
                                     {"round_trips", trips},
                                     {"round_trip_us", std::round(rt * 10) / 10},
                                     {"overhead_us", std::round((rt - w) * 10) / 10}};
        std::cout << line.dump() << std::endl;
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "wake_cost: " << e.what() << "\n";
    return 2;
}
