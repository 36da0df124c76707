// The program every peer shares: parse the CLI, time the index build or run the load, print
// one JSON line on stdout (diagnostics go to stderr so stdout stays machine-readable).
#include <csignal>
#include <filesystem>
#include <iostream>

#include "corpus.hpp"
#include "engine.hpp"
#include "load.hpp"
#include "metrics.hpp"

namespace peers {
namespace {

double round_to(double v, int digits) {
    double scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    return static_cast<double>(static_cast<long long>(v * scale + (v >= 0 ? 0.5 : -0.5))) / scale;
}

// Engine-specific fields; fractional figures are rounded to 2 decimals for the table.
void merge(nlohmann::ordered_json& into, const nlohmann::ordered_json& from) {
    for (const auto& [k, v] : from.items())
        into[k] = v.is_number_float() ? nlohmann::ordered_json(round_to(v.get<double>(), 2)) : v;
}

int run_index(Engine& engine, const Options& o) {
    const auto bytes = file_bytes(o.corpus);
    std::filesystem::create_directories(o.workdir);
    engine.prepare_index(o);
    const double cpu_before = self_cpu_seconds() + children_cpu_seconds();
    Stopwatch watch;
    const auto built = engine.build_index(o);
    const double seconds = watch.seconds();
    const double cpu = self_cpu_seconds() + children_cpu_seconds() - cpu_before;
    const auto finish = engine.finish_index(o);

    nlohmann::ordered_json line;
    line["engine"] = engine.name();
    line["corpus"] = o.label;
    line["kind"] = "index";
    line["articles"] = built.articles;
    line["seconds"] = round_to(seconds, 3);
    line["articles_per_s"] = round_to(built.articles / seconds, 1);
    line["mb_per_s"] = round_to(bytes / 1e6 / seconds, 2);
    line["peak_rss_mb"] = round_to(std::max(peak_rss_self_mb(), peak_rss_children_mb()), 1);
    // CPU seconds of the harness and its waited-for children (Sphinx's indexer), not of a
    // server: steadier than wall time on a busy machine.
    line["client_cpu_s"] = round_to(cpu, 2);
    merge(line, finish);  // index_mb and any server-side figures
    merge(line, built.extra);
    std::cout << line.dump() << std::endl;
    return 0;
}

int run_query(Engine& engine, const Options& o) {
    const auto queries = read_queries(o.queries);
    engine.open_for_queries(o);
    if (o.check) print_check(engine, queries);
    const double server_cpu_before = engine.server_cpu_seconds();
    const auto r = run_load(engine, queries, o.concurrency, o.warmup, o.seconds);
    const double server_cpu_after = engine.server_cpu_seconds();
    const auto extra = engine.close_after_queries();

    nlohmann::ordered_json line;
    line["engine"] = engine.name();
    line["corpus"] = o.label;
    line["kind"] = "query";
    line["concurrency"] = o.concurrency;
    line["queries"] = r.queries;
    line["failed"] = r.failed;
    line["qps"] = round_to(r.qps, 1);
    line["p50_ms"] = round_to(r.p50_ms, 3);
    line["p95_ms"] = round_to(r.p95_ms, 3);
    line["p99_ms"] = round_to(r.p99_ms, 3);
    line["mean_hits"] = round_to(r.mean_hits, 2);
    line["seconds"] = round_to(r.seconds, 2);
    line["peak_rss_mb"] = round_to(peak_rss_self_mb(), 1);
    // CPU milliseconds per query (warm-up included), steadier than QPS on a busy machine.
    if (r.all_queries) {
        line["client_cpu_ms_per_query"] = round_to(r.client_cpu_s * 1000 / r.all_queries, 4);
        if (server_cpu_before >= 0 && server_cpu_after >= 0)
            line["server_cpu_ms_per_query"] =
                round_to((server_cpu_after - server_cpu_before) * 1000 / r.all_queries, 4);
    }
    merge(line, extra);
    std::cout << line.dump() << std::endl;
    return 0;  // failed queries are reported in the line ("failed"), not in the status
}

extern "C" void on_signal(int) {
    g_interrupted = true;
}

}  // namespace

int peer_main(int argc, char** argv, Engine& engine) {
    const auto o = parse_options(argc, argv, engine.name());
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    try {
        if (o.command == "index") return run_index(engine, o);
        if (o.command == "query") return run_query(engine, o);
        engine.stop(o);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << engine.name() << ": " << o.command << " failed: " << e.what() << "\n";
        engine.stop(o);  // never leave a server behind
        return 1;
    }
}

}  // namespace peers
