// Sends every query of a test collection to a running server's REST API as a user would type it
// (GET /api/search?q=..., default semantics), pages through the results to the requested depth
// and prints MAP, nDCG@10 and P@10 as a table and as one JSON line.
//
// usage: relevance_eval --port N --queries FILE --qrels FILE [--host H] [--depth N]
//                       [--per-page N] [--collection NAME] [--run FILE] [--min-ndcg10 X]
// Exit status: 0 done, 1 below --min-ndcg10, 2 usage, input or server error.

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "metrics.hpp"

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string queries, qrels, run_file, collection = "cranfield";
    int depth = 1000;
    int per_page = 100;
    std::optional<double> min_ndcg10;
};

struct Query {
    std::string id, text;
};

[[noreturn]] void usage(const std::string& why) {
    std::cerr << "relevance_eval: " << why << "\n"
              << "usage: relevance_eval --port N --queries FILE --qrels FILE [--host H] "
                 "[--depth N] [--per-page N] [--collection NAME] [--run FILE] [--min-ndcg10 X]\n";
    std::exit(2);
}

Options parse_args(int argc, char** argv) {
    try {
        const bench::Args args(argc, argv,
                               {"--host", "--port", "--queries", "--qrels", "--depth", "--per-page",
                                "--collection", "--run", "--min-ndcg10"});
        if (!args.positional().empty()) usage("unexpected argument " + args.positional()[0]);
        Options o;
        o.host = args.str("--host", o.host);
        o.queries = args.str("--queries");
        o.qrels = args.str("--qrels");
        o.collection = args.str("--collection", o.collection);
        o.run_file = args.str("--run");
        // std::stoll's own message names the function, not the option.
        const auto number = [&](const char* name, double fallback) {
            try {
                return args.number(name, fallback);
            } catch (const std::logic_error&) {
                usage(std::string("bad number after ") + name);
            }
        };
        o.port = static_cast<int>(number("--port", 0));
        o.depth = static_cast<int>(number("--depth", o.depth));
        o.per_page = static_cast<int>(number("--per-page", o.per_page));
        if (args.has("--min-ndcg10")) o.min_ndcg10 = number("--min-ndcg10", 0);
        if (o.port <= 0 || o.queries.empty() || o.qrels.empty()) usage("missing option");
        if (o.depth < 10 || o.per_page < 1) usage("--depth must be >= 10, --per-page >= 1");
        return o;
    } catch (const std::invalid_argument& e) {  // an unknown option, or one without its value
        usage(e.what());
    }
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) out.push_back(f);
    return out;
}

std::vector<Query> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Query> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto f = split_tabs(line);
        if (f.size() < 2) throw std::runtime_error(path + ": a line without qid<TAB>text");
        out.push_back({f[0], f[1]});
    }
    return out;
}

std::map<std::string, relevance::Judgments> read_qrels(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::map<std::string, relevance::Judgments> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto f = split_tabs(line);
        if (f.size() < 3) throw std::runtime_error(path + ": a line without qid<TAB>doc<TAB>grade");
        out[f[0]][f[1]] = std::stoi(f[2]);
    }
    return out;
}

// The ranked article ids for one query, down to `depth`, one page request after another.
std::vector<std::string> fetch_ranking(httplib::Client& client, const Options& o,
                                       const std::string& text) {
    std::vector<std::string> ids;
    for (int page = 1; static_cast<int>(ids.size()) < o.depth; ++page) {
        // httplib percent-encodes the parameters, as a browser's form would.
        const httplib::Params params{
            {"q", text}, {"per_page", std::to_string(o.per_page)}, {"page", std::to_string(page)}};
        const auto res = client.Get("/api/search", params, httplib::Headers{});
        const std::string what = "query \"" + text + "\", page " + std::to_string(page);
        if (!res) throw std::runtime_error("no answer from the server for " + what);
        if (res->status != 200) {
            throw std::runtime_error("HTTP " + std::to_string(res->status) + " for " + what + ": " +
                                     res->body);
        }
        const auto j = nlohmann::json::parse(res->body);
        const auto& hits = j.at("hits");
        for (const auto& h : hits) ids.push_back(h.at("id").get<std::string>());
        if (static_cast<int>(hits.size()) < o.per_page) break;
    }
    if (static_cast<int>(ids.size()) > o.depth) ids.resize(static_cast<std::size_t>(o.depth));
    return ids;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_args(argc, argv);
    try {
        const auto queries = read_queries(o.queries);
        const auto qrels = read_qrels(o.qrels);
        httplib::Client client(o.host, o.port);
        client.set_keep_alive(true);
        client.set_read_timeout(30, 0);

        std::ofstream run;
        if (!o.run_file.empty()) run.open(o.run_file);
        double map = 0, ndcg10 = 0, p10 = 0;
        std::size_t empty = 0, requests_hits = 0;
        const auto started = std::chrono::steady_clock::now();
        for (const auto& q : queries) {
            const auto ranking = fetch_ranking(client, o, q.text);
            requests_hits += ranking.size();
            if (ranking.empty()) ++empty;
            const auto it = qrels.find(q.id);
            const relevance::Judgments none;
            const auto& j = it == qrels.end() ? none : it->second;
            map += relevance::average_precision(ranking, j);
            ndcg10 += relevance::ndcg_at(ranking, j, 10);
            p10 += relevance::precision_at(ranking, j, 10);
            if (run) {
                // TREC run format, so trec_eval can check these figures independently.
                for (std::size_t r = 0; r < ranking.size(); ++r) {
                    run << q.id << " Q0 " << ranking[r] << ' ' << r + 1 << ' '
                        << 1000.0 - static_cast<double>(r) << " news\n";
                }
            }
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double n = static_cast<double>(queries.size());
        map /= n;
        ndcg10 /= n;
        p10 /= n;

        std::printf("collection  %s (%zu queries, depth %d, %zu with no result)\n",
                    o.collection.c_str(), queries.size(), o.depth, empty);
        std::printf(
            "| metric | value |\n|---|---|\n| MAP | %.4f |\n| nDCG@10 | %.4f |\n"
            "| P@10 | %.4f |\n",
            map, ndcg10, p10);
        std::printf("%zu results fetched in %.2f s over HTTP (%.1f ms per query)\n", requests_hits,
                    seconds, 1000.0 * seconds / n);
        const nlohmann::json line = {{"kind", "relevance"},
                                     {"collection", o.collection},
                                     {"queries", queries.size()},
                                     {"depth", o.depth},
                                     {"map", std::round(map * 1e4) / 1e4},
                                     {"ndcg10", std::round(ndcg10 * 1e4) / 1e4},
                                     {"p10", std::round(p10 * 1e4) / 1e4}};
        std::cout << line.dump() << std::endl;
        if (o.min_ndcg10 && ndcg10 < *o.min_ndcg10) {
            std::cerr << "relevance_eval: nDCG@10 " << ndcg10 << " is below the floor "
                      << *o.min_ndcg10 << "\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "relevance_eval: " << e.what() << "\n";
        return 2;
    }
}
