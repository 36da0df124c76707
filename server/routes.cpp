#include "server/routes.hpp"

#include <httplib.h>

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/dedupe/hash.hpp"
#include "core/search/api_error.hpp"
#include "core/text/utf8.hpp"
#include "server/app_context.hpp"
#include "server/atom_feed.hpp"
#include "server/compression.hpp"
#include "server/error_response.hpp"
#include "server/feed_request.hpp"
#include "server/http_date.hpp"
#include "server/http_response.hpp"
#include "server/opensearch.hpp"
#include "server/request_headers.hpp"
#include "server/route_table.hpp"
#include "server/static_files.hpp"
#include "server/text_parse.hpp"

namespace news {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdBytes = 512;

QueryPairs query_pairs(const httplib::Params& params) {
    QueryPairs pairs;
    pairs.reserve(params.size());
    for (const auto& [k, v] : params) pairs.emplace_back(k, v);
    return pairs;
}

std::optional<std::string_view> param(const httplib::Request& req, const char* name) {
    const auto it = req.params.find(name);
    if (it == req.params.end()) return std::nullopt;
    return it->second;
}

// Runs `f` with a pooled Searcher. An unexpected error (not an ApiError) drops that Searcher and
// is retried once on a fresh one: a GET is idempotent, and a handle caught mid-reindex recovers.
template <typename F>
json with_searcher(AppContext& ctx, F&& f) {
    for (int attempt = 0;; ++attempt) {
        auto lease = ctx.pool.acquire();
        try {
            return f(*lease);
        } catch (const ApiError& e) {
            if (e.status() >= 500) lease.discard();
            throw;
        } catch (const std::exception& e) {
            lease.discard();
            if (attempt >= 1) throw;
            ctx.log.warn(std::string("search failed, retrying on a fresh index handle: ") +
                         e.what());
        }
    }
}

std::string_view article_id(const RouteMatch& m) {
    if (m.id.size() > kMaxIdBytes) throw ApiError::not_found("No article with this id.");
    return m.id;
}

void handle_search(AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    send_json(res, 200, search_result(ctx, req.params));
}

// A conditional GET (RFC 9110, 13.2.2): If-None-Match when the client sent one, which then
// decides alone; else If-Modified-Since, when it is a valid date and the response has a
// modification time.
bool client_copy_current(const httplib::Request& req, std::string_view etag,
                         std::optional<std::time_t> modified) {
    if (req.has_header("If-None-Match")) {
        return none_match_hits(header_values(req, "If-None-Match"), etag);
    }
    const auto since = parse_http_date(req.get_header_value("If-Modified-Since"));
    return since && modified && *modified <= *since;
}

// "no-cache" with an ETag: a browser or a feed reader keeps its copy but asks each time. When
// that copy is still current (`current`), answers 304, with the Vary the 200 would say, and
// returns true.
bool answered_not_modified(const AppContext& ctx, httplib::Response& res, const std::string& etag,
                           std::string_view content_type, bool current) {
    res.set_header("Cache-Control", "no-cache");
    res.set_header("ETag", etag);
    if (!current) return false;
    res.status = 304;
    if (ctx.cfg.compression && compressible_type(content_type)) {
        res.set_header("Vary", "Accept-Encoding");
    }
    return true;
}

std::string base_url(const httplib::Request& req) {
    return public_base_url(req.get_header_value("Host"), req.get_header_value("X-Forwarded-Proto"));
}

// An index that never recorded when it was written (one from before the indexer kept the time).
constexpr std::string_view kUnknownUpdate = "1970-01-01T00:00:00Z";

// What atom_feed dates an undated entry by: when the indexer wrote each hit.
void add_indexed_times(Searcher& s, json& result) {
    const auto hits = result.find("hits");
    if (hits == result.end()) return;
    for (auto& hit : *hits) {
        const auto id = hit.find("id");
        if (id == hit.end() || !id->is_string()) continue;
        if (auto at = s.indexed_at(id->get_ref<const std::string&>())) hit["indexed"] = *at;
    }
}

void handle_feed(AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto pairs = query_pairs(req.params);
    const auto search = parse_search_params(with_feed_defaults(pairs), ctx.cfg.search);
    std::optional<std::string> indexed;
    const auto result = with_searcher(ctx, [&](Searcher& s) {
        indexed = s.last_indexed();
        auto found = s.search(search);
        add_indexed_times(s, found);
        return found;
    });
    const FeedInfo info{
        .base_url = base_url(req),
        .self_query = query_string(pairs),
        .title = feed_title(search),
        .q = search.q,
        .page_query = page_query(search),
        .index_updated = indexed.value_or(std::string(kUnknownUpdate)),
    };
    auto body = atom_feed(result, info);
    // Readers poll: a tag of the body itself lets an unchanged feed go back as a 304. Weak
    // because the gzipped copy shares it.
    const auto etag = "W/\"" + hex64(hash64(body)) + "\"";
    constexpr const char* kAtomType = "application/atom+xml; charset=utf-8";
    if (answered_not_modified(ctx, res, etag, kAtomType,
                              client_copy_current(req, etag, std::nullopt))) {
        return;
    }
    res.status = 200;
    res.set_content(std::move(body), kAtomType);
}

void handle_article(AppContext& ctx, const httplib::Request& req, httplib::Response& res,
                    const RouteMatch& m) {
    const auto id = article_id(m);
    const auto q = param(req, "q");
    if (q && q->size() > ctx.cfg.search.max_query_chars) {
        throw ApiError::bad_request("q is longer than " +
                                    std::to_string(ctx.cfg.search.max_query_chars) + " characters");
    }
    send_json(res, 200, with_searcher(ctx, [&](Searcher& s) { return s.article(id, q); }));
}

void handle_similar(AppContext& ctx, const httplib::Request& req, httplib::Response& res,
                    const RouteMatch& m) {
    const auto id = article_id(m);
    const int limit = parse_similar_limit(param(req, "limit"));
    send_json(res, 200, with_searcher(ctx, [&](Searcher& s) { return s.similar(id, limit); }));
}

void handle_readyz(AppContext& ctx, httplib::Response& res) {
    const auto articles = with_searcher(ctx, [](Searcher& s) { return json(s.article_count()); });
    send_json(res, 200, json{{"status", "ready"}, {"articles", articles}});
}

double directory_bytes(const std::filesystem::path& dir) {
    std::error_code ec;
    double total = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code size_ec;
        if (it->is_regular_file(size_ec)) {
            const auto size = it->file_size(size_ec);
            if (!size_ec) total += static_cast<double>(size);
        }
    }
    return total;
}

void handle_metrics(AppContext& ctx, httplib::Response& res) {
    std::vector<Gauge> gauges;
    double ready = 0;
    try {
        const auto stats = with_searcher(ctx, [](Searcher& s) {
            return json{{"articles", s.article_count()}, {"stats", s.stats()}};
        });
        ready = 1;
        gauges.push_back(
            {"news_index_articles", "Articles in the index.", stats["articles"].get<double>()});
        const auto& rev = stats["stats"].value("revision", json());
        if (rev.is_number()) {
            gauges.push_back(
                {"news_index_revision", "Revision of the open index.", rev.get<double>()});
        }
    } catch (const std::exception&) {
        // Not ready: the gauge below says so; the scrape itself still succeeds.
    }
    gauges.push_back({"news_index_ready", "1 when the index is open and searchable.", ready});
    gauges.push_back({"news_index_size_bytes", "Bytes of the index on disk.",
                      directory_bytes(ctx.cfg.index_dir)});
    gauges.push_back({"news_search_workers", "Concurrent searches allowed.",
                      static_cast<double>(ctx.pool.size())});
    res.status = 200;
    res.set_content(ctx.metrics.render(gauges), "text/plain; version=0.0.4; charset=utf-8");
}

void handle_static(AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto found = ctx.statics.lookup(req.path);
    switch (found.status) {
        case StaticStatus::Ok:
            res.set_header("Last-Modified", format_http_date(found.file.modified));
            if (answered_not_modified(
                    ctx, res, found.file.etag, found.file.content_type,
                    client_copy_current(req, found.file.etag, found.file.modified))) {
                return;
            }
            res.status = 200;
            res.set_content(std::move(found.file.body), std::string(found.file.content_type));
            return;
        case StaticStatus::BadPath:
            throw ApiError::bad_request("The path is not allowed.");
        case StaticStatus::NotFound:
            if (!ctx.statics.available()) {
                throw ApiError::not_found(
                    "No web page: the server was started without its web directory (--web DIR).");
            }
            throw ApiError::not_found("No such file.");
    }
}

void dispatch(AppContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto m = match_route(target_path(req.target));
    if (m.route != Route::Static) require_utf8(req.params);
    switch (m.route) {
        case Route::Search:
            return handle_search(ctx, req, res);
        case Route::Feed:
            return handle_feed(ctx, req, res);
        case Route::OpenSearch:
            res.status = 200;
            res.set_content(opensearch_description(base_url(req)),
                            "application/opensearchdescription+xml; charset=utf-8");
            return;
        case Route::Article:
            return handle_article(ctx, req, res, m);
        case Route::Similar:
            return handle_similar(ctx, req, res, m);
        case Route::Stats:
            return send_json(res, 200, with_searcher(ctx, [](Searcher& s) { return s.stats(); }));
        case Route::Healthz:
            return send_json(res, 200, json{{"status", "ok"}});
        case Route::Readyz:
            return handle_readyz(ctx, res);
        case Route::Metrics:
            return handle_metrics(ctx, res);
        case Route::ApiUnknown:
            throw ApiError::not_found("No such API endpoint.");
        case Route::Static:
            return handle_static(ctx, req, res);
    }
}

}  // namespace

void require_utf8(const httplib::Params& params) {
    for (const auto& [k, v] : params) {
        if (!is_valid_utf8(k) || !is_valid_utf8(v)) {
            throw ApiError::bad_request("parameter " + std::string(is_valid_utf8(k) ? k : "name") +
                                        " is not valid UTF-8");
        }
    }
}

nlohmann::json search_result(AppContext& ctx, const httplib::Params& params) {
    const auto search = parse_search_params(query_pairs(params), ctx.cfg.search);
    return with_searcher(ctx, [&](Searcher& s) { return s.search(search); });
}

void register_routes(httplib::Server& server, AppContext& ctx) {
    // One catch-all GET (HEAD is served by it too, without a body): matching happens in
    // match_route with plain string compares instead of one std::regex per route per request.
    server.Get(".*", [&ctx](const httplib::Request& req, httplib::Response& res) {
        try {
            dispatch(ctx, req, res);
        } catch (...) {
            send_exception(ctx, req, res, std::current_exception());
        }
    });
}

}  // namespace news
