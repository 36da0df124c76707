#include "server/metrics.hpp"

#include <algorithm>
#include <cstdio>

namespace news {
namespace {

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace

void Metrics::record(std::string_view route, int status, double seconds) {
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(route), status}];
    auto it = latency_.find(route);
    if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
    auto& h = it->second;
    if (bucket < h.buckets.size()) ++h.buckets[bucket];
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::render(const std::vector<Gauge>& gauges) const {
    std::string out;
    out.reserve(4096);
    {
        std::lock_guard lock(mutex_);
        out += "# HELP http_requests_total HTTP requests answered, by route and status.\n";
        out += "# TYPE http_requests_total counter\n";
        for (const auto& [key, count] : requests_) {
            out += "http_requests_total{route=\"" + key.first + "\",status=\"" +
                   std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
        }
        out += "# HELP http_request_duration_seconds Time from routing to response, by route.\n";
        out += "# TYPE http_request_duration_seconds histogram\n";
        for (const auto& [route, h] : latency_) {
            const std::string label = "route=\"" + route + "\"";
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i < kBuckets.size(); ++i) {
                cumulative += h.buckets[i];
                out += "http_request_duration_seconds_bucket{" + label + ",le=\"" +
                       number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
            }
            out += "http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
                   std::to_string(h.count) + "\n";
            out += "http_request_duration_seconds_sum{" + label + "} " + number(h.sum) + "\n";
            out += "http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) +
                   "\n";
        }
    }
    out +=
        "# HELP http_fast_path_requests_total Searches answered without the general request "
        "parser (server/search_fast_path), also counted above.\n";
    out += "# TYPE http_fast_path_requests_total counter\n";
    out += "http_fast_path_requests_total " +
           std::to_string(fast_path_.load(std::memory_order_relaxed)) + "\n";
    for (const auto& g : gauges) {
        out += "# HELP " + g.name + " " + g.help + "\n";
        out += "# TYPE " + g.name + " gauge\n";
        out += g.name + " " + number(g.value) + "\n";
    }
    return out;
}

}  // namespace news
