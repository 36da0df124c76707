#include "report/targets.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>

#include "report/format.hpp"
#include "report/rounds.hpp"

namespace bench::report {

namespace {

const char* verdict(bool ok) {
    return ok ? "PASS" : "FAIL";
}

TargetResult missing(std::string target) {
    return {std::move(target), "—", "not measured"};
}

// The fastest peer (any engine that is not ours) on this corpus and concurrency.
const json* best_peer(const Records& r, const std::string& corpus, int c) {
    const json* best = nullptr;
    for (const auto& q : r.query) {
        if (is_ours(q.value("engine", "")) || q.value("corpus", "") != corpus ||
            q.value("concurrency", 0) != c) {
            continue;
        }
        if (best == nullptr || num(q, "qps") > num(*best, "qps")) best = &q;
    }
    return best;
}

void qps_target(const Records& r, std::vector<TargetResult>& out, const std::string& corpus, int c,
                double min_qps) {
    const auto name = "HTTP QPS c=" + std::to_string(c) + " on " + corpus + " ≥ " + fmt(min_qps);
    const json* q = r.find_query(kOursHttp, corpus, c);
    if (q == nullptr) return out.push_back(missing(name));
    out.push_back({name, fmt(num(*q, "qps")), verdict(num(*q, "qps") >= min_qps)});
}

void p99_target(const Records& r, std::vector<TargetResult>& out, const std::string& corpus, int c,
                double max_ms, bool no_failures) {
    auto name =
        "HTTP p99 c=" + std::to_string(c) + " on " + corpus + " ≤ " + fmt(max_ms, 1) + " ms";
    if (no_failures) name += ", no failed request";
    const json* q = r.find_query(kOursHttp, corpus, c);
    if (q == nullptr) return out.push_back(missing(name));
    const bool ok = num(*q, "p99_ms") <= max_ms && (!no_failures || num(*q, "failed") == 0);
    auto measured = fmt(num(*q, "p99_ms"), 2) + " ms";
    if (no_failures) measured += ", " + fmt(num(*q, "failed")) + " failed";
    out.push_back({name, measured, verdict(ok)});
}

// The verdict is on QPS, as the issue states it; CPU per query (theirs / ours, above 1 means they
// spend more) is shown next to it because it moves much less with the load of a shared machine.
std::string cpu_note(const json& other, const json& ours) {
    auto total = [](const json& q) {
        return num(q, "client_cpu_ms_per_query") + num(q, "server_cpu_ms_per_query");
    };
    if (total(other) <= 0 || total(ours) <= 0) return "";
    return " (CPU/query " + fmt(total(other) / total(ours), 2) + "×)";
}

// A ratio with two decimals, or with as many more as it takes for the figure not to read as the
// other side of `threshold` (0.798 shown as "0.80" next to a FAIL).
std::string ratio_against(double x, double threshold) {
    int decimals = 2;
    while (decimals < 6) {
        const double scale = std::pow(10.0, decimals);
        if ((std::round(x * scale) / scale >= threshold) == (x >= threshold)) break;
        ++decimals;
    }
    return fmt(x, decimals) + "×";
}

// What the HTTP round trip alone (the /healthz rows) leaves reachable of the in-process figure on
// this machine: at c=1 requests wait for each other, so the round trip adds to each query's time;
// with more clients the cores are the limit, so its CPU (server and client) adds to each query's.
std::string floor_note(const json* floor, const json& inproc, int c) {
    if (floor == nullptr || num(*floor, "qps") <= 0 || num(inproc, "qps") <= 0) return "";
    double bound = 0;
    std::string cost;
    if (c == 1) {
        const double t_in = 1000 / num(inproc, "qps");
        const double t_trip = 1000 / num(*floor, "qps");
        bound = t_in / (t_in + t_trip);
        cost = fmt(t_trip, 3) + " ms per round trip";
    } else {
        const double cpu_in = num(inproc, "client_cpu_ms_per_query");
        const double cpu_trip =
            num(*floor, "client_cpu_ms_per_query") + num(*floor, "server_cpu_ms_per_query");
        if (cpu_in <= 0 || cpu_trip <= 0) return "";
        bound = cpu_in / (cpu_in + cpu_trip);
        cost = fmt(cpu_trip, 3) + " ms CPU per round trip";
    }
    return "; HTTP alone: " + cost + ", so at most " + fmt(bound, 2) + "× here";
}

// Other runs of ours, each named next to the "HTTP ≥ 0.8× in-process" verdict by its ratio to
// in-process without changing the verdict, in this order: the client and the server pinned to one
// core (bench/run's extra c=1 row: what is left of the gap once no request has to wake a thread on
// another, idle vCPU), a client that spins for its reply (the gap without the client's own
// wake-up), and wrk as the client (whether our own load generator is what limits the row).
struct SideRow {
    const char* engine;
    std::string_view label;
};
const SideRow kSideRows[] = {
    {kOursHttpOneCore, "client and server on one core"},
    {kOursHttpSpin, "a client that spins instead of sleeping"},
    {kOursHttpWrk, "wrk as the client"},
};

std::string side_notes(const Records& r, const std::string& corpus, int c, const json& inproc) {
    std::string notes;
    for (const auto& side : kSideRows) {
        const json* row = r.find_query(side.engine, corpus, c);
        if (row == nullptr || num(*row, "qps") <= 0 || num(inproc, "qps") <= 0) continue;
        notes += "; " + std::string(side.label) + ": " +
                 fmt(num(*row, "qps") / num(inproc, "qps"), 2) + "×";
    }
    return notes;
}

void per_row_targets(const Records& r, std::vector<TargetResult>& out) {
    for (const auto& corpus : r.corpora()) {
        for (const int c : {1, 2, 16}) {
            const json* ours = r.find_query(kOursHttp, corpus, c);
            const auto where = corpus + " c=" + std::to_string(c);
            const auto peer_name = "HTTP ≥ 1.0× best peer, " + where;
            const json* peer = best_peer(r, corpus, c);
            if (ours == nullptr || peer == nullptr) {
                out.push_back(missing(peer_name));
            } else {
                const double x = num(*ours, "qps") / std::max(1e-9, num(*peer, "qps"));
                out.push_back({peer_name,
                               ratio_against(x, 1.0) + " " + peer->value("engine", "") +
                                   cpu_note(*peer, *ours),
                               verdict(x >= 1.0)});
            }
            const auto inproc_name = "HTTP ≥ 0.8× in-process, " + where;
            const json* inproc = r.find_query(kOursInProcess, corpus, c);
            if (ours == nullptr || inproc == nullptr) {
                out.push_back(missing(inproc_name));
            } else {
                const double x = num(*ours, "qps") / std::max(1e-9, num(*inproc, "qps"));
                const auto floor = floor_note(r.find_query(kOursHttpFloor, corpus, c), *inproc, c);
                out.push_back({inproc_name,
                               ratio_against(x, 0.8) + cpu_note(*inproc, *ours) + floor +
                                   side_notes(r, corpus, c, *inproc),
                               verdict(x >= 0.8)});
            }
        }
    }
}

// The issue sets the indexing figure against two peers it measured on this machine: 4,000
// articles/s was 2.7× naive Xapian (1,463) and "on a par with PostgreSQL" (4,642). The same
// ratios in this run are shown beside the figure, as the issue asks for each target as a figure
// and as a ratio: unlike the figure, they do not move with the machine's speed of the moment.
// The verdict stays on the figure.
std::string index_peer_ratios(const Records& r, const std::string& corpus, const json& ours) {
    struct Peer {
        const char* engine;
        const char* name;
        double issue_ratio;  // 4,000 against the issue's figure for the peer, to two places
    };
    static constexpr Peer kPeers[] = {{"xapian-naive", "naive Xapian", 2.73},
                                      {"postgresql-15", "PostgreSQL", 0.86}};
    std::string note;
    for (const auto& p : kPeers) {
        const json* peer = r.find_index(p.engine, corpus);
        if (peer == nullptr || num(*peer, "articles_per_s") <= 0) continue;
        const double x = num(ours, "articles_per_s") / num(*peer, "articles_per_s");
        note += note.empty() ? "; " : ", ";
        note += ratio_against(x, p.issue_ratio) + " " + p.name + " (4,000 was " +
                fmt(p.issue_ratio, 2) + "×)";
    }
    return note;
}

void index_targets(const Records& r, std::vector<TargetResult>& out) {
    for (const auto* corpus : {"1x", "10x"}) {
        const auto name = std::string("indexing ≥ 4,000 articles/s on ") + corpus;
        const json* i = r.find_index(kOursIndexer, corpus);
        if (i == nullptr) {
            out.push_back(missing(name));
        } else {
            out.push_back({name, articles_per_s_cell(*i) + index_peer_ratios(r, corpus, *i),
                           verdict(num(*i, "articles_per_s") >= 4000)});
        }
    }
    if (const json* i = r.find_index(kOursIndexer, "10x")) {
        out.push_back({"indexer peak RSS ≤ 400 MB on 10x", fmt(num(*i, "peak_rss_mb"), 1) + " MB",
                       verdict(num(*i, "peak_rss_mb") <= 400)});
    } else {
        out.push_back(missing("indexer peak RSS ≤ 400 MB on 10x"));
    }
    if (const json* i = r.find_index(kOursIndexer, "1x")) {
        out.push_back({"index ≤ 150 MB on 1x", fmt(num(*i, "index_mb"), 1) + " MB",
                       verdict(num(*i, "index_mb") <= 150)});
    } else {
        out.push_back(missing("index ≤ 150 MB on 1x"));
    }
}

void relevance_target(const Records& r, std::vector<TargetResult>& out) {
    const std::string name = "relevance nDCG@10 ≥ 0.38 (Cranfield)";
    for (const auto& rel : r.relevance) {
        for (const auto& [key, value] : rel.items()) {
            std::string k = key;
            std::transform(k.begin(), k.end(), k.begin(),
                           [](unsigned char ch) { return std::tolower(ch); });
            if (k.find("ndcg") != std::string::npos && value.is_number()) {
                const double v = value.get<double>();
                return out.push_back({name, fmt(v, 3), verdict(v >= 0.38)});
            }
        }
    }
    out.push_back(missing(name));
}

}  // namespace

std::vector<TargetResult> check_targets(const Records& r) {
    std::vector<TargetResult> out;
    qps_target(r, out, "1x", 1, 1800);
    qps_target(r, out, "10x", 1, 700);
    qps_target(r, out, "1x", 2, 3000);
    qps_target(r, out, "10x", 2, 1200);
    p99_target(r, out, "1x", 1, 2.5, false);
    p99_target(r, out, "10x", 1, 5.0, false);
    p99_target(r, out, "1x", 16, 20.0, true);
    p99_target(r, out, "10x", 16, 20.0, true);
    per_row_targets(r, out);
    index_targets(r, out);
    if (const json* m = r.find_memory("1x", "after queries")) {
        out.push_back({"server RSS ≤ 150 MB after the 1x run", fmt(num(*m, "rss_mb"), 1) + " MB",
                       verdict(num(*m, "rss_mb") <= 150)});
    } else {
        out.push_back(missing("server RSS ≤ 150 MB after the 1x run"));
    }
    relevance_target(r, out);
    return out;
}

}  // namespace bench::report
