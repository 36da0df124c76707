#include "report/rounds.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "common/latency_hist.hpp"
#include "report/format.hpp"
#include "report/records.hpp"

namespace bench::report {
namespace {

using Key = std::function<std::string(const json&)>;

// Lines grouped by key, groups in the order their first line appears.
std::vector<std::vector<const json*>> group_by(const std::vector<json>& lines, const Key& key) {
    std::vector<std::string> keys;
    std::vector<std::vector<const json*>> groups;
    for (const auto& l : lines) {
        const auto k = key(l);
        const auto it = std::find(keys.begin(), keys.end(), k);
        if (it == keys.end()) {
            keys.push_back(k);
            groups.push_back({&l});
        } else {
            groups[static_cast<std::size_t>(it - keys.begin())].push_back(&l);
        }
    }
    return groups;
}

double round_to(double v, double unit) {
    return std::round(v / unit) * unit;
}

// Wall time of a run; older lines without "seconds" give it through their rate.
double seconds_of(const json& q) {
    if (num(q, "seconds") > 0) return num(q, "seconds");
    const double ok = num(q, "queries") - num(q, "failed");
    return num(q, "qps") > 0 ? ok / num(q, "qps") : 0;
}

json merge_queries(const std::vector<const json*>& rounds) {
    json out = *rounds.front();
    double queries = 0, failed = 0, seconds = 0, hits = 0, client_cpu = 0, server_cpu = 0;
    bool server_cpu_known = true;
    LatencyHistSum hist;
    bool hist_complete = true;
    json per_round_qps = json::array();
    for (const json* r : rounds) {
        const double n = num(*r, "queries");
        const double ok = n - num(*r, "failed");
        queries += n;
        failed += num(*r, "failed");
        seconds += seconds_of(*r);
        hits += num(*r, "mean_hits") * ok;
        client_cpu += num(*r, "client_cpu_ms_per_query") * n;
        server_cpu_known = server_cpu_known && r->contains("server_cpu_ms_per_query");
        server_cpu += num(*r, "server_cpu_ms_per_query") * n;
        hist_complete =
            hist_complete && r->contains("latency_hist") && hist.add((*r)["latency_hist"]);
        per_round_qps.push_back(num(*r, "qps"));
    }
    const double ok = queries - failed;
    out["queries"] = queries;
    out["failed"] = failed;
    out["seconds"] = round_to(seconds, 0.001);
    out["qps"] = seconds > 0 ? round_to(ok / seconds, 0.1) : 0.0;
    out["mean_hits"] = ok > 0 ? round_to(hits / ok, 0.001) : 0.0;
    const double n = std::max(1.0, queries);
    out["client_cpu_ms_per_query"] = round_to(client_cpu / n, 0.0001);
    if (server_cpu_known) out["server_cpu_ms_per_query"] = round_to(server_cpu / n, 0.0001);
    for (const auto& [key, p] : {std::pair{"p50_ms", 50.0}, {"p95_ms", 95.0}, {"p99_ms", 99.0}}) {
        if (hist_complete) {
            out[key] = round_to(hist.percentile(p), 0.001);
        } else {  // no histogram to merge: the worst round's figure, never a flattering one
            double worst = 0;
            for (const json* r : rounds) worst = std::max(worst, num(*r, key));
            out[key] = worst;
        }
    }
    if (hist_complete) out["latency_hist"] = hist.to_json();
    out["rounds"] = rounds.size();
    out["round_qps"] = per_round_qps;
    return out;
}

json median_index_run(std::vector<const json*> runs) {
    std::sort(runs.begin(), runs.end(), [](const json* a, const json* b) {
        return num(*a, "articles_per_s") < num(*b, "articles_per_s");
    });
    // The lower middle of an even count: a tie never rounds up.
    json out = *runs[(runs.size() - 1) / 2];
    out["runs"] = runs.size();
    out["articles_per_s_min"] = num(*runs.front(), "articles_per_s");
    out["articles_per_s_max"] = num(*runs.back(), "articles_per_s");
    double peak_rss = 0;
    for (const json* r : runs) peak_rss = std::max(peak_rss, num(*r, "peak_rss_mb"));
    out["peak_rss_mb"] = peak_rss;  // memory: the highest of the runs
    return out;
}

}  // namespace

std::vector<json> merge_query_rounds(const std::vector<json>& lines) {
    std::vector<json> out;
    for (const auto& g : group_by(lines, [](const json& q) {
             return q.value("engine", "") + '\n' + q.value("corpus", "") + '\n' +
                    std::to_string(q.value("concurrency", 0));
         })) {
        out.push_back(g.size() == 1 ? *g.front() : merge_queries(g));
    }
    return out;
}

std::vector<json> merge_index_runs(const std::vector<json>& lines) {
    std::vector<json> out;
    for (const auto& g : group_by(lines, [](const json& i) {
             return i.value("engine", "") + '\n' + i.value("corpus", "");
         })) {
        out.push_back(g.size() == 1 ? *g.front() : median_index_run(g));
    }
    return out;
}

std::string engine_cell(const json& q) {
    auto cell = q.value("engine", "");
    const auto& per_round = q.find("round_qps");
    if (per_round == q.end() || !per_round->is_array() || per_round->size() < 2) return cell;
    const auto [lo, hi] = std::minmax_element(per_round->begin(), per_round->end());
    return cell + ", " + std::to_string(per_round->size()) + " rounds (" + fmt(lo->get<double>()) +
           "–" + fmt(hi->get<double>()) + ")";
}

std::string articles_per_s_cell(const json& i) {
    auto cell = fmt(num(i, "articles_per_s"));
    if (num(i, "runs") < 2) return cell;
    return cell + " (median of " + fmt(num(i, "runs")) + ": " + fmt(num(i, "articles_per_s_min")) +
           "–" + fmt(num(i, "articles_per_s_max")) + ")";
}

}  // namespace bench::report
