#include "server/search_fast_path.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "core/text/json_writer.hpp"
#include "server/app_context.hpp"
#include "server/compression.hpp"
#include "server/http_date.hpp"
#include "server/http_response.hpp"
#include "server/plain_get.hpp"
#include "server/route_table.hpp"
#include "server/routes.hpp"
#include "server/security_headers.hpp"

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

// cpp-httplib refuses a request line or a header line longer than this (its
// CPPHTTPLIB_REQUEST_URI_MAX_LENGTH and CPPHTTPLIB_HEADER_MAX_LENGTH).
constexpr std::size_t kLibraryLineLimit = 8192;

void add_line(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

SearchFastPath::SearchFastPath(AppContext& ctx)
    : ctx_(ctx),
      max_head_(std::min(
          {ctx.cfg.limits.max_request_line, ctx.cfg.limits.max_header_bytes, kLibraryLineLimit})) {
    std::string vary;
    for (const auto& [name, value] : policy_headers(true, !ctx.cfg.cors_origins.empty())) {
        if (name == "Vary") {
            vary = value;
        } else {
            add_line(fixed_headers_, name, value);
        }
    }
    add_line(fixed_headers_, "Content-Type", kJsonType);
    if (ctx.cfg.compression) vary = vary_with(vary, "Accept-Encoding");
    if (!vary.empty()) add_line(fixed_headers_, "Vary", vary);
    add_line(keep_alive_, "Keep-Alive",
             "timeout=" + std::to_string(ctx.cfg.limits.keep_alive_timeout_s) +
                 ", max=" + std::to_string(ctx.cfg.limits.keep_alive_max_requests));
}

std::string SearchFastPath::response_head(std::size_t body_bytes, bool close, bool gzipped) const {
    std::string head = "HTTP/1.1 200 OK\r\n";
    head.reserve(fixed_headers_.size() + 160);
    head += fixed_headers_;
    add_line(head, "Date", http_date_now());
    if (gzipped) add_line(head, "Content-Encoding", "gzip");
    add_line(head, "Content-Length", std::to_string(body_bytes));
    if (close) {
        add_line(head, "Connection", "close");
    } else {
        head += keep_alive_;
    }
    head += "\r\n";
    return head;
}

bool SearchFastPath::serve(ConnectionStream& stream, bool& closed) {
    if (ctx_.limiter) return false;
    const auto request = read_plain_get(stream.unread(), kSearchPath, max_head_);
    if (!request) return false;
    const auto start = Clock::now();
    // Declared out here so that they are freed after the answer has gone to the socket (a body
    // of 4 KB or more leaves in write(), below): a client waits for its answer, not for this
    // clean-up, which takes 3-5 µs of a 150-250 µs search (a tenth of the HTTP gap at c=1).
    httplib::Params params;
    nlohmann::json result;
    std::string body;
    try {
        httplib::detail::parse_query_text(std::string(request->query), params);
        require_utf8(params);
        result = search_result(ctx_, params);
        body = write_json(result);
    } catch (...) {
        return false;  // answered by the full path, which runs it again and reports the error
    }
    const bool gzipped = ctx_.cfg.compression && accepts_gzip(request->accept_encoding) &&
                         should_compress(200, kJsonType, body.size()) &&
                         gzip_in_place(body, kGzipLevel);
    // Counted before the answer leaves (the body goes out at once), as on the full path: a client
    // that reads /metrics right after its answer sees its request counted.
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    ctx_.metrics.record(route_name(Route::Search), 200, seconds);
    ctx_.metrics.count_fast_path();

    const auto head = response_head(body.size(), request->close, gzipped);
    stream.skip(request->head_bytes);
    const bool sent =
        stream.write(head.data(), head.size()) >= 0 && stream.write(body.data(), body.size()) >= 0;
    closed = request->close || !sent;  // a socket error: the client is gone
    if (ctx_.log.access_enabled()) {
        std::string ip;
        int port = 0;
        stream.get_remote_ip_and_port(ip, port);
        ctx_.log.access({"GET", kSearchPath, 200, body.size(), seconds * 1000.0, ip});
    }
    return true;
}

}  // namespace news
