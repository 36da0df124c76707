#include "server/app.hpp"

#include <httplib.h>
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

#include "core/search/api_error.hpp"
#include "server/app_context.hpp"
#include "server/http_policy.hpp"
#include "server/http_server.hpp"
#include "server/routes.hpp"
#include "server/search_fast_path.hpp"

namespace news {
namespace {

void configure(httplib::Server& server, const ServerConfig& cfg) {
    const auto& l = cfg.limits;
    server.set_read_timeout(l.read_timeout_ms / 1000, (l.read_timeout_ms % 1000) * 1000);
    server.set_write_timeout(l.write_timeout_ms / 1000, (l.write_timeout_ms % 1000) * 1000);
    server.set_keep_alive_timeout(l.keep_alive_timeout_s);
    server.set_keep_alive_max_count(static_cast<std::size_t>(l.keep_alive_max_requests));
    server.set_payload_max_length(l.max_body_bytes);
    // A response that does not fit the socket at once goes out in several writes; without
    // NODELAY, Nagle plus delayed ACKs would hold its tail back for tens of milliseconds.
    server.set_tcp_nodelay(true);
}

void log_index_state(AppContext& ctx) {
    try {
        auto lease = ctx.pool.acquire();
        ctx.log.info("index ready: " + std::to_string(lease->article_count()) + " articles");
    } catch (const ApiError& e) {
        ctx.log.warn(std::string("index not ready (will retry on each request): ") + e.what());
    } catch (const std::exception& e) {
        ctx.log.warn(std::string("index not ready: ") + e.what());
    }
}

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

int run_server(const ServerConfig& cfg) {
    // Writes to a closed peer must fail with EPIPE, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    // Blocked before any thread starts so that only the waiter below receives them.
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    AppContext ctx(cfg);
    SearchFastPath fast_path(ctx);  // outlives the server's workers, which call it
    HttpServer server(cfg.http_threads, std::chrono::microseconds(cfg.http_poll_us));
    configure(server, cfg);
    install_http_policy(server, ctx);
    register_routes(server, ctx);
    server.set_fast_path([&fast_path](ConnectionStream& stream, bool& closed) {
        return fast_path.serve(stream, closed);
    });

    const int port = cfg.port == 0 ? server.bind_to_any_port(cfg.bind)
                                   : (server.bind_to_port(cfg.bind, cfg.port) ? cfg.port : -1);
    if (port <= 0) {
        ctx.log.error("cannot listen on " + cfg.bind + ":" + std::to_string(cfg.port));
        return 1;
    }
    ctx.log.info("listening on http://" + cfg.bind + ":" + std::to_string(port) + " (" +
                 std::to_string(cfg.threads) + " search threads, " +
                 std::to_string(cfg.http_threads) + " HTTP workers, " +
                 std::to_string(cfg.article_cache_mb) + " MB article cache)");
    log_index_state(ctx);
    if (!ctx.statics.available()) {
        // A relative default ("web") is read from the working directory: started elsewhere, the
        // server answers the API but the page's address gives a 404, which says nothing on its own.
        ctx.log.warn("no web page to serve: " + cfg.web_dir +
                     " is not a directory here; start from the project's folder, or pass --web "
                     "DIR (env SEARCH_WEB_DIR)");
    }

    std::atomic<bool> finished{false};
    std::thread waiter([&] {
        const timespec tick{0, 200'000'000};
        while (!finished) {
            const int sig = sigtimedwait(&signals, nullptr, &tick);
            if (sig > 0) {
                ctx.log.info(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                             ", finishing requests in flight");
                server.stop();
                return;
            }
        }
    });
    const bool ok = server.listen_after_bind();
    finished = true;
    waiter.join();
    ctx.log.info("stopped");
    return ok ? 0 : 1;
}

int run_healthcheck(const ServerConfig& cfg) {
    httplib::Client client("127.0.0.1", cfg.port == 0 ? 8080 : cfg.port);
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(3, 0);
    client.set_write_timeout(2, 0);
    const auto res = client.Get("/readyz");
    if (!res) {
        std::fprintf(stderr, "healthcheck: no answer from 127.0.0.1:%d (%s)\n", cfg.port,
                     httplib::to_string(res.error()).c_str());
        return 1;
    }
    std::printf("healthcheck: /readyz %d %s\n", res->status, res->body.c_str());
    return res->status == 200 ? 0 : 1;
}

}  // namespace news
