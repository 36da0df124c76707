#include "server/http_policy.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>

#include "server/app_context.hpp"
#include "server/compression.hpp"
#include "server/connection_end.hpp"
#include "server/http_date.hpp"
#include "server/http_response.hpp"
#include "server/request_headers.hpp"
#include "server/routes.hpp"
#include "server/security_headers.hpp"

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

// Set by the pre-routing hook and read by the logger; both run on the connection's thread for
// the same request. Requests rejected before routing (malformed lines) have no start time.
thread_local Clock::time_point t_request_start;
thread_local bool t_request_started = false;
// Set when a request is refused with its body unread: the connection ends after the response.
thread_local bool t_end_connection = false;
// Whether the request accepts gzip, read before routing (take_accept_encoding).
thread_local bool t_accepts_gzip = false;

bool is_api(std::string_view path) {
    return path.starts_with("/api/");
}

bool exempt_from_rate_limit(std::string_view path) {
    return path == "/healthz" || path == "/readyz";
}

std::size_t header_bytes(const httplib::Headers& headers) {
    std::size_t n = 0;
    for (const auto& [k, v] : headers) n += k.size() + v.size() + 4;  // ": " and CRLF
    return n;
}

using HandlerResponse = httplib::Server::HandlerResponse;

bool is_method_token(std::string_view m) {
    if (m.empty() || m.size() > 32) return false;
    for (const char c : m) {
        if (c < 'A' || c > 'Z') return false;
    }
    return true;
}

// httplib answers a method it does not know (FOO, PROPFIND ...) with 400 before routing; for a
// well-formed method token the right answer is 405.
int library_error_status(const httplib::Request& req, int status) {
    static constexpr std::string_view kParsed[] = {"GET",     "HEAD",    "POST",  "PUT",   "DELETE",
                                                   "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
    if (status != 400 || !is_method_token(req.method)) return status;
    for (const auto p : kParsed) {
        if (req.method == p) return status;
    }
    return 405;
}

bool has_body(const httplib::Request& req) {
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

HandlerResponse reject(httplib::Response& res, int status) {
    send_error(res, error_for_status(status));
    return HandlerResponse::Handled;
}

HandlerResponse preflight(const AppContext& ctx, const httplib::Request& req,
                          httplib::Response& res) {
    const auto allow = cors_allow_origin(req.get_header_value("Origin"), ctx.cfg.cors_origins);
    if (allow.empty() || !is_api(req.path)) return reject(res, 405);
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD");
    res.set_header("Access-Control-Allow-Headers", "Content-Type");
    res.set_header("Access-Control-Max-Age", "600");
    return HandlerResponse::Handled;
}

// Refuses a request before its body (if any) is read. httplib reads no body of a GET or HEAD,
// nor of a request refused here, and would parse the unread body as the next request on the
// connection (request smuggling): the answer says "Connection: close", and the connection ends
// once the answer is written (after_write).
HandlerResponse reject_unread(const httplib::Request& req, httplib::Response& res, int status) {
    if (has_body(req)) {
        t_end_connection = true;
        res.set_header("Connection", "close");
    }
    return reject(res, status);
}

bool is_body_method(std::string_view m) {
    return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
}

// Reads Accept-Encoding, every field of it, and removes it from the request: cpp-httplib
// compresses on its own (before our post-routing hook) whatever a client's Accept-Encoding names,
// ignoring q-values and with brotli's slowest setting; compress_response does it instead, by the
// rules the fast path follows. The request is a non-const object of httplib's, handed to the hook
// as const only by the hook's signature.
void take_accept_encoding(const httplib::Request& req) {
    t_accepts_gzip = accepts_gzip(header_values(req, "Accept-Encoding"));
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
}

HandlerResponse before_routing(AppContext& ctx, const httplib::Request& req,
                               httplib::Response& res) {
    t_request_start = Clock::now();
    t_request_started = true;
    t_end_connection = false;
    const auto& m = req.method;
    const auto& limits = ctx.cfg.limits;
    if (m.size() + req.target.size() + req.version.size() + 2 > limits.max_request_line) {
        return reject_unread(req, res, 414);
    }
    if (header_bytes(req.headers) > limits.max_header_bytes) return reject_unread(req, res, 431);
    take_accept_encoding(req);  // after the size check, which counts it as the fast path does
    if (ctx.limiter && !exempt_from_rate_limit(req.path)) {
        const auto d = ctx.limiter->take(req.remote_addr, Clock::now());
        if (!d.allowed) {
            res.set_header("Retry-After", std::to_string(d.retry_after_s));
            return reject_unread(req, res, 429);
        }
    }
    if ((m == "GET" || m == "HEAD") && has_body(req)) return reject_unread(req, res, 400);
    if (m == "OPTIONS") {
        if (has_body(req)) return reject_unread(req, res, 405);
        return preflight(ctx, req, res);
    }
    // A POST (PUT ...) with a body reaches the catch-all 405 handlers after the body is read, so
    // the connection stays in sync. Without Content-Length or Transfer-Encoding it has no body,
    // but httplib would wait for one until the read timeout: refuse it at once. Methods httplib
    // does not route (TRACE, CONNECT ...) are refused here too.
    if (!is_body_method(m) || !has_body(req)) {
        if (m != "GET" && m != "HEAD") return reject_unread(req, res, 405);
    }
    return HandlerResponse::Unhandled;
}

void add_headers(const AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const bool api = is_api(req.path);
    for (const auto& [name, value] : policy_headers(api, !ctx.cfg.cors_origins.empty())) {
        const std::string key(name);
        if (key == "Cache-Control" && res.has_header(key)) continue;  // the handler's own
        res.set_header(key, std::string(value));
    }
    if (!api || ctx.cfg.cors_origins.empty()) return;
    const auto allow = cors_allow_origin(req.get_header_value("Origin"), ctx.cfg.cors_origins);
    if (!allow.empty()) res.set_header("Access-Control-Allow-Origin", allow);
}

// httplib answers a range past the end with 416 but names the range asked for in Content-Range
// ("bytes 99999-13574/13575"); a 416 names only the length, "bytes */13575" (RFC 9110, 14.4).
void unsatisfiable_range(httplib::Response& res) {
    const auto range = res.get_header_value("Content-Range");
    const auto slash = range.rfind('/');
    if (slash == std::string::npos) return;
    replace_header(res, "Content-Range", "bytes */" + range.substr(slash + 1));
}

// Gzips a 200 of a text type when the client accepts it and the body is big enough, and says
// "Vary: Accept-Encoding" on every response that would have been compressed for another client.
void compress_response(const AppContext& ctx, httplib::Response& res) {
    if (!ctx.cfg.compression) return;
    const auto type = res.get_header_value("Content-Type");
    if (!varies_by_encoding(res.status, type)) return;
    replace_header(res, "Vary", vary_with(res.get_header_value("Vary"), "Accept-Encoding"));
    if (!t_accepts_gzip || res.has_header("Content-Encoding") ||
        !should_compress(res.status, type, res.body.size()) ||
        !gzip_in_place(res.body, kGzipLevel)) {
        return;
    }
    res.set_header("Content-Encoding", "gzip");
    if (res.has_header("Content-Length")) {
        replace_header(res, "Content-Length", std::to_string(res.body.size()));
    }
}

double elapsed_seconds() {
    if (!t_request_started) return 0;
    return std::chrono::duration<double>(Clock::now() - t_request_start).count();
}

// Whether the stream may hold bytes of this request that nobody read, so that the next request
// on the connection cannot be found reliably.
bool stream_out_of_step(const httplib::Request& req, const httplib::Response& res) {
    if (t_end_connection) return true;
    // Refused by httplib itself before our hook ran (unknown method, bad version, request line
    // or header it cannot read): the rest of the request, body included, is still unread.
    if (!t_request_started && res.status >= 400) return true;
    // A body refused while being read (too large, broken chunks) may be left half read.
    return res.status == 413 || (is_body_method(req.method) && res.status == 400);
}

// Counted before the response is written, so a client that reads /metrics right after its
// previous answer always sees that request.
void before_write(AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    add_headers(ctx, req, res);
    res.set_header("Date", std::string(http_date_now()));
    // httplib answers a Range request with the part asked for (or a multipart of parts) but keeps
    // the status the handler set: a part of the body is a 206, never compressed.
    if (res.status == 200 && !req.ranges.empty()) res.status = 206;
    if (res.status == 416) unsatisfiable_range(res);
    // httplib gives a response without a body "Content-Length: 0"; a 304's may only be the
    // length of the 200 it stands for (RFC 9110, 8.6), so it has none.
    if (res.status == 304) res.headers.erase("Content-Length");
    compress_response(ctx, res);
    if (stream_out_of_step(req, res)) {
        // The connection ends after this answer (after_write); httplib would announce keep-alive.
        res.headers.erase("Keep-Alive");
        replace_header(res, "Connection", "close");
    }
    ctx.metrics.record(route_name(match_route(target_path(req.target)).route), res.status,
                       elapsed_seconds());
}

void after_write(AppContext& ctx, const httplib::Request& req, const httplib::Response& res) {
    if (stream_out_of_step(req, res)) {
        // Waiting for the rest of the input is bounded like any read from the client.
        const auto read_timeout = std::chrono::milliseconds(ctx.cfg.limits.read_timeout_ms);
        end_connection_after_response(
            LingerLimits{std::min(read_timeout, std::chrono::milliseconds(2000))});
    }
    t_end_connection = false;
    if (ctx.log.access_enabled()) {
        ctx.log.access({req.method, req.path, res.status, res.body.size(),
                        elapsed_seconds() * 1000.0, req.remote_addr});
    }
    t_request_started = false;
    t_accepts_gzip = false;
}

}  // namespace

void install_http_policy(httplib::Server& server, AppContext& ctx) {
    server.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        return before_routing(ctx, req, res);
    });
    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
        send_error(res, error_for_status(405));
    };
    server.Post(".*", not_allowed);
    server.Put(".*", not_allowed);
    server.Patch(".*", not_allowed);
    server.Delete(".*", not_allowed);
    // Errors the HTTP layer makes itself (bad request line, oversized body ...) get the JSON
    // shape too; responses that already carry a body are left alone.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return HandlerResponse::Unhandled;
            send_error(res, error_for_status(library_error_status(req, res.status)));
            return HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [&ctx](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            send_exception(ctx, req, res, ep);
        });
    server.set_post_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        before_write(ctx, req, res);
    });
    server.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
        after_write(ctx, req, res);
    });
}

}  // namespace news
