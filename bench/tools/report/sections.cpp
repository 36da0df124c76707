#include "report/sections.hpp"

#include <algorithm>

#include "report/format.hpp"
#include "report/rounds.hpp"
#include "report/targets.hpp"

namespace bench::report {

namespace {

// Ours first, then the peers in the order they ran.
std::vector<std::string> engines_of(const std::vector<json>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
        const auto e = l.value("engine", "");
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    std::stable_partition(out.begin(), out.end(), [](const std::string& e) { return is_ours(e); });
    return out;
}

// CPU per query of the engine itself: the server's for client/server engines, else the process's.
double engine_cpu_ms(const json& q) {
    return q.contains("server_cpu_ms_per_query") ? num(q, "server_cpu_ms_per_query")
                                                 : num(q, "client_cpu_ms_per_query");
}
// Everything the machine spent on one query: client (load generator or library) plus server.
double total_cpu_ms(const json& q) {
    return num(q, "client_cpu_ms_per_query") + num(q, "server_cpu_ms_per_query");
}
std::string cpu_cell(double ms) {
    return ms > 0 ? fmt(ms, 3) : "—";
}

void write_query_row(std::ostream& out, int c, const json& q, const json* ours) {
    auto x = [&](double value, double ours_value) { return ours ? ratio(value, ours_value) : "—"; };
    out << "| " << c << " | " << engine_cell(q) << " | " << fmt(num(q, "qps")) << " | "
        << x(num(q, "qps"), ours ? num(*ours, "qps") : 0) << " | " << fmt(num(q, "p50_ms"), 2)
        << " | " << fmt(num(q, "p95_ms"), 2) << " | " << fmt(num(q, "p99_ms"), 2) << " | "
        << x(num(q, "p99_ms"), ours ? num(*ours, "p99_ms") : 0) << " | " << fmt(num(q, "queries"))
        << " | " << fmt(num(q, "failed")) << " | " << fmt(num(q, "mean_hits"), 2) << " | "
        << cpu_cell(engine_cpu_ms(q)) << " | " << cpu_cell(total_cpu_ms(q)) << " | "
        << x(total_cpu_ms(q), ours ? total_cpu_ms(*ours) : 0) << " |\n";
}

}  // namespace

void write_header(std::ostream& out, const Records& r) {
    out << "# Benchmark: news-search and its peers\n\n";
    const std::pair<const char*, const char*> rows[] = {{"date", "Date (UTC)"},
                                                        {"host", "Host"},
                                                        {"cpu", "CPU"},
                                                        {"nproc", "Cores (nproc)"},
                                                        {"memory", "Memory"},
                                                        {"load_start", "Load average at start"},
                                                        {"load_end", "Load average at end"},
                                                        {"commit", "news-search commit"},
                                                        {"gxx", "g++"},
                                                        {"xapian", "Xapian"},
                                                        {"sqlite", "SQLite"},
                                                        {"postgresql", "PostgreSQL"},
                                                        {"sphinx", "Sphinx"},
                                                        {"command", "Command"},
                                                        {"corpus", "Corpus"},
                                                        {"queries", "Queries"}};
    out << "| | |\n|---|---|\n";
    for (const auto& [key, label] : rows) {
        const auto v = r.meta_value(key);
        if (!v.empty()) out << "| " << label << " | " << v << " |\n";
    }
    out << "\nEvery query: top 10 hits with a highlighted snippet each, AND semantics. Ratios are "
           "the engine's figure divided by ours (HTTP server for queries, our indexer for "
           "indexing): "
           "above 1.00× is more QPS, more time or more memory than ours.\n\n";
}

void write_targets(std::ostream& out, const Records& r) {
    out << "## Targets (issue #7)\n\n| target | measured | result |\n|---|---|---|\n";
    for (const auto& t : check_targets(r)) {
        out << "| " << t.target << " | " << t.measured << " | " << t.verdict << " |\n";
    }
    out << "\n";
}

void write_indexing(std::ostream& out, const Records& r) {
    out << "## Indexing\n\n";
    const bool pages_row = std::any_of(r.index.begin(), r.index.end(), [](const json& i) {
        return i.value("engine", "") == kOursIndexerPages;
    });
    if (pages_row) {
        out << "\"" << kOursIndexerPages
            << "\" indexes the JSON Lines corpus's articles as scraped pages (`make_pages`: each "
               "inside the page furniture of a real page of data/corpus/, which the cleaner "
               "removes): its \"articles\" are pages, its MB/s counts their bytes.\n\n";
    }
    out << "| corpus | engine | articles | seconds | articles/s | ×ours | MB/s | peak RSS MB | "
           "×ours | "
           "index MB | ×ours | CPU s "
           "|\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& corpus : r.corpora()) {
        const json* ours = r.find_index(kOursIndexer, corpus);
        for (const auto& engine : engines_of(r.index)) {
            const json* i = r.find_index(engine, corpus);
            if (i == nullptr) continue;
            auto x = [&](const char* key) {
                return ours ? ratio(num(*i, key), num(*ours, key)) : "—";
            };
            out << "| " << corpus << " | " << engine << " | " << fmt(num(*i, "articles")) << " | "
                << fmt(num(*i, "seconds"), 2) << " | " << articles_per_s_cell(*i) << " | "
                << x("articles_per_s") << " | " << fmt(num(*i, "mb_per_s"), 1) << " | "
                << fmt(num(*i, "peak_rss_mb"), 1) << " | " << x("peak_rss_mb") << " | "
                << fmt(num(*i, "index_mb"), 1) << " | " << x("index_mb") << " | "
                << (i->contains("client_cpu_s") ? fmt(num(*i, "client_cpu_s"), 1) : "—") << " |\n";
        }
    }
    for (const auto& c : r.clean) {
        out << "\nCleaner on raw pages (`clean_speed`, in memory): " << fmt(num(c, "pages_per_s"))
            << " pages/s, " << fmt(num(c, "mb_per_s"), 1) << " MB/s (" << fmt(num(c, "pages"))
            << " pages in " << fmt(num(c, "seconds"), 1) << " s).\n";
    }
    out << "\n";
}

void write_queries(std::ostream& out, const Records& r) {
    out << "## Queries\n\n";
    for (const auto& corpus : r.corpora()) {
        out << "### " << corpus << " corpus\n\n"
            << "| c | engine | QPS | ×ours | p50 ms | p95 ms | p99 ms | ×ours p99 | queries | "
               "failed "
               "| mean hits | CPU ms/q engine | CPU ms/q total | ×ours |\n"
            << "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const int c : {1, 2, 16}) {
            const json* ours = r.find_query(kOursHttp, corpus, c);
            for (const auto& engine : engines_of(r.query)) {
                if (const json* q = r.find_query(engine, corpus, c))
                    write_query_row(out, c, *q, ours);
            }
        }
        out << "\n";
    }
}

void write_memory(std::ostream& out, const Records& r) {
    if (r.memory.empty()) return;
    out << "## Server memory (VmRSS)\n\n| corpus | when | RSS MB |\n|---|---|---:|\n";
    for (const auto& m : r.memory) {
        out << "| " << m.value("corpus", "") << " | " << m.value("phase", "") << " | "
            << fmt(num(m, "rss_mb"), 1) << " |\n";
    }
    out << "\n";
}

void write_relevance(std::ostream& out, const Records& r) {
    if (r.relevance.empty()) return;
    out << "## Relevance (bench/relevance)\n\n";
    for (const auto& rel : r.relevance) {
        out << "-";
        for (const auto& [key, value] : rel.items()) {
            if (key == "kind") continue;
            out << " " << key << ": "
                << (value.is_string() ? value.get<std::string>() : value.dump()) << ";";
        }
        out << "\n";
    }
    out << "\n";
}

void write_notes(std::ostream& out, const Records& r) {
    if (r.notes.empty()) return;
    out << "## Notes\n\n";
    for (const auto& n : r.notes) out << "- " << n << "\n";
    out << "\n";
}

}  // namespace bench::report
