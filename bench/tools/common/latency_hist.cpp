#include "common/latency_hist.hpp"

#include <cmath>
#include <cstdint>
#include <map>

namespace bench {
namespace {

constexpr double kPerUnit = 100.0;  // buckets per unit of ln(1 + µs): 1% wide

std::int64_t bucket_of(double ms) {
    return static_cast<std::int64_t>(std::floor(kPerUnit * std::log1p(std::max(0.0, ms) * 1000)));
}

double upper_edge_ms(std::int64_t bucket) {
    return std::expm1(static_cast<double>(bucket + 1) / kPerUnit) / 1000;
}

using Counts = std::map<std::int64_t, std::int64_t>;

nlohmann::json write(const Counts& counts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [b, n] : counts) out.push_back({b, n});
    return out;
}

}  // namespace

nlohmann::json latency_hist(std::span<const double> latencies_ms) {
    Counts counts;
    for (const double ms : latencies_ms) ++counts[bucket_of(ms)];
    return write(counts);
}

bool LatencyHistSum::add(const nlohmann::json& hist) {
    if (!hist.is_array()) return false;
    Counts read;
    for (const auto& pair : hist) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() ||
            !pair[1].is_number_integer() || pair[1].get<std::int64_t>() < 0)
            return false;
        read[pair[0].get<std::int64_t>()] += pair[1].get<std::int64_t>();
    }
    for (const auto& [b, n] : read) counts_[b] += n;
    return true;
}

nlohmann::json LatencyHistSum::to_json() const {
    return write(counts_);
}

double LatencyHistSum::percentile(double p) const {
    std::int64_t total = 0;
    for (const auto& [b, n] : counts_) total += n;
    if (total == 0) return 0;
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(p / 100.0 * static_cast<double>(total))));
    std::int64_t seen = 0;
    for (const auto& [b, n] : counts_) {
        seen += n;
        if (seen >= rank) return upper_edge_ms(b);
    }
    return upper_edge_ms(counts_.rbegin()->first);
}

double hist_percentile(const nlohmann::json& hist, double p) {
    LatencyHistSum sum;
    return sum.add(hist) ? sum.percentile(p) : 0;
}

}  // namespace bench
