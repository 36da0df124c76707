// Load generator for the real server: C threads, each with one keep-alive connection to
// 127.0.0.1:PORT, send the benchmark queries round robin for a bounded time and print the JSON
// query line (engine "news-search (HTTP)").
//
// usage: http_load --port N --queries FILE --concurrency C --seconds T --label 1x
//                  [--warmup S] [--max-requests N] [--server-pid PID] [--check] [--path P]
//                  [--engine NAME] [--spin] [--gzip]
// --server-pid adds the server's CPU time per query (server_cpu_ms_per_query) to the line.
// --path sends every request to P (say /healthz) instead of the queries: the cost of the HTTP
// round trip alone on this machine (engine "news-search (HTTP P)"), the floor under every query.
// --engine NAME labels the line NAME instead (a run under other conditions, such as the client
// pinned to the server's core).
// --spin waits for each reply without sleeping (KeepAliveClient::Wait::Spin): at c=1 the figure
// then leaves out the client's own wake-up. Not for c > 1 on a small machine (a core per client).
// --gzip asks for gzip as browsers do ("Accept-Encoding: gzip") and inflates every gzipped body
// before counting its hits: the server's compression and the client's inflating are both in
// the figures (engine "news-search (HTTP, gzip)").
// --check parses every body as JSON and checks the hit count (slower; for verifying the server).

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "common/cli.hpp"
#include "common/gunzip.hpp"
#include "common/http_client.hpp"
#include "common/load_loop.hpp"
#include "common/query_file.hpp"
#include "common/query_line.hpp"
#include "core/text/percent_encode.hpp"
#include "report/records.hpp"

namespace {

// Counting the hits' "url" keys avoids a full JSON parse on the client, which would take CPU from
// the server on this small machine. Duplicates and facets carry no "url" key.
int count_hits_cheaply(std::string_view body) {
    int n = 0;
    for (auto pos = body.find("\"url\":"); pos != std::string::npos;
         pos = body.find("\"url\":", pos + 6))
        ++n;
    return n;
}

bench::Outcome check_response(const std::optional<bench::KeepAliveClient::Reply>& res,
                              bool full_check) {
    if (!res || res->status != 200) return {};
    std::string_view body = res->body;
    if (res->gzipped) {
        const auto text = bench::gunzip(body);
        if (!text) return {};
        body = *text;
    }
    if (body.empty() || body.front() != '{') return {};
    if (!full_check) return {true, count_hits_cheaply(body)};
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.contains("hits") || !j["hits"].is_array()) return {};
    return {true, static_cast<int>(j["hits"].size())};
}

}  // namespace

int main(int argc, char** argv) try {
    const bench::Args args(
        argc, argv,
        {"--port", "--queries", "--concurrency", "--seconds", "--label", "--warmup",
         "--max-requests", "--host", "--server-pid", "--path", "--engine"},
        {"--check", "--spin", "--gzip"});
    const auto host = args.str("--host", "127.0.0.1");
    if (host != "127.0.0.1" && host != "localhost") {
        throw std::invalid_argument("load goes to the loopback interface only");
    }
    const int port = static_cast<int>(args.integer("--port", 0));
    if (port <= 0 || port > 65535) throw std::invalid_argument("--port is required");
    const auto queries = bench::read_queries(args.required("--queries"));
    bench::LoadOptions opt;
    opt.concurrency = static_cast<int>(args.integer("--concurrency", 1));
    opt.seconds = args.number("--seconds", 10);
    opt.warmup_seconds = args.number("--warmup", 1);
    opt.max_requests = static_cast<std::size_t>(args.integer("--max-requests", 1'000'000));
    opt.server_pid = static_cast<long>(args.integer("--server-pid", 0));
    const bool full_check = args.has("--check");
    const auto wait = args.has("--spin") ? bench::KeepAliveClient::Wait::Spin
                                         : bench::KeepAliveClient::Wait::Sleep;
    const bool gzip = args.has("--gzip");

    const auto fixed_path = args.str("--path", "");
    if (!fixed_path.empty() && fixed_path.front() != '/') {
        throw std::invalid_argument("--path must start with /");
    }
    std::vector<std::string> paths;
    paths.reserve(queries.size());
    for (const auto& q : queries) {
        paths.push_back(fixed_path.empty()
                            ? "/api/search?q=" + news::percent_encode(q) + "&op=and&per_page=10"
                            : fixed_path);
    }
    const auto engine =
        args.str("--engine", !fixed_path.empty() ? "news-search (HTTP " + fixed_path + ")"
                             : gzip              ? std::string(bench::report::kOursHttpGzip)
                                                 : std::string(bench::report::kOursHttp));

    auto factory = [&](int) -> bench::QueryFn {
        auto client = std::make_shared<bench::KeepAliveClient>(host, port, std::chrono::seconds(10),
                                                               wait, gzip);
        return [client, &paths, full_check](std::size_t i) {
            return check_response(client->get(paths[i]), full_check);
        };
    };
    const auto result = bench::run_load(paths.size(), opt, factory);
    std::cout
        << bench::query_line(engine, args.str("--label", "1x"), opt.concurrency, result).dump()
        << std::endl;
    return 0;
} catch (const std::exception& e) {
    std::cerr << "http_load: " << e.what() << "\n";
    return 2;
}
