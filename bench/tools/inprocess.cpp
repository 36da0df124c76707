// The same queries through the project's own library with no HTTP: one news::Searcher per
// thread (as server/searcher_pool does), the same parameter parsing as /api/search, and the
// result serialised to the JSON text the server would send. This is the ceiling the HTTP server
// is compared with (engine "news-search (in-process)").
//
// usage: inprocess --index DIR --queries FILE --concurrency C --seconds T --label 1x
//                  [--warmup S] [--max-requests N]

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/cli.hpp"
#include "common/load_loop.hpp"
#include "common/query_file.hpp"
#include "common/query_line.hpp"
#include "core/search/searcher.hpp"
#include "core/text/json_writer.hpp"
#include "report/records.hpp"

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv,
                           {"--index", "--queries", "--concurrency", "--seconds", "--label",
                            "--warmup", "--max-requests"});
    const auto index_dir = args.required("--index");
    const auto queries = bench::read_queries(args.required("--queries"));
    bench::LoadOptions opt;
    opt.concurrency = static_cast<int>(args.integer("--concurrency", 1));
    opt.seconds = args.number("--seconds", 10);
    opt.warmup_seconds = args.number("--warmup", 1);
    opt.max_requests = static_cast<std::size_t>(args.integer("--max-requests", 1'000'000));

    const news::SearchLimits limits;  // the server's defaults (config/server.json)
    auto factory = [&](int) -> bench::QueryFn {
        auto searcher = std::make_shared<news::Searcher>(news::SearcherOptions{index_dir, limits});
        return [searcher, &queries, &limits](std::size_t i) -> bench::Outcome {
            try {
                // The pairs the server decodes from ?q=...&op=and&per_page=10.
                const news::QueryPairs pairs{{"op", "and"}, {"per_page", "10"}, {"q", queries[i]}};
                const auto result = searcher->search(news::parse_search_params(pairs, limits));
                // Serialised as server/http_response.cpp does, so the cost of the body is counted.
                const auto body = news::write_json(result);
                if (body.empty()) return {};
                return {true, static_cast<int>(result["hits"].size())};
            } catch (const std::exception&) {
                return {};  // counted as failed, like a 4xx/5xx over HTTP
            }
        };
    };
    const auto result = bench::run_load(queries.size(), opt, factory);
    std::cout << bench::query_line(bench::report::kOursInProcess, args.str("--label", "1x"),
                                   opt.concurrency, result)
                     .dump()
              << std::endl;
    return 0;
} catch (const std::exception& e) {
    std::cerr << "inprocess: " << e.what() << "\n";
    return 2;
}
