#include "server/http_server.hpp"

#include <unistd.h>

namespace news {
namespace {

std::chrono::milliseconds to_ms(time_t sec, time_t usec) {
    return std::chrono::milliseconds(sec * 1000 + usec / 1000);
}

}  // namespace

// httplib's listening thread accepts each connection and hands it to the task queue it makes
// with new_task_queue for one listen(). This queue runs that hand-over at once, which gives the
// socket to the event loop; the loop lives as long as the queue, and the queue's shutdown (when
// the server stops) lets the workers finish their requests and closes every connection.
class HttpServer::LoopQueue final : public httplib::TaskQueue {
  public:
    explicit LoopQueue(HttpServer& server) : server_(server) {
        EventLoopOptions options;
        options.workers = server.workers_;
        options.poll = server.poll_;
        auto& limits = options.limits;
        limits.read_timeout = to_ms(server.read_timeout_sec_, server.read_timeout_usec_);
        limits.write_timeout = to_ms(server.write_timeout_sec_, server.write_timeout_usec_);
        limits.keep_alive = std::chrono::seconds(server.keep_alive_timeout_sec_);
        limits.max_requests = server.keep_alive_max_count_;
        server.loop_ = std::make_unique<EventLoop>(
            options, [&server](ConnectionStream& stream, bool last, bool& closed) {
                return server.serve(stream, last, closed);
            });
    }
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {
        if (server_.loop_) server_.loop_->stop();
    }

  private:
    HttpServer& server_;
};

HttpServer::HttpServer(int workers, std::chrono::microseconds poll)
    : workers_(workers), poll_(poll) {
    // httplib owns and deletes the queue it gets from this factory.
    new_task_queue = [this] { return new LoopQueue(*this); };
}

HttpServer::~HttpServer() = default;

bool HttpServer::serve(ConnectionStream& stream, bool last, bool& closed) {
    // The last request of a connection is left to httplib, which announces the close.
    if (!last && fast_path_ && fast_path_(stream, closed)) return true;
    return process_request(stream, last, closed, nullptr);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    if (!loop_) {
        ::close(sock);
        return false;
    }
    loop_->add(sock);
    return true;
}

}  // namespace news
