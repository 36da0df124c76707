#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace news {
namespace {

double refilled(double tokens, double rate, double burst, std::chrono::duration<double> elapsed) {
    return std::min(burst, tokens + rate * std::max(0.0, elapsed.count()));
}

}  // namespace

RateLimiter::RateLimiter(RateLimitConfig cfg, std::size_t max_clients)
    : cfg_(cfg), max_clients_(max_clients) {}

RateLimiter::Decision RateLimiter::take(std::string_view client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(std::string(client));
    if (it == buckets_.end()) {
        if (buckets_.size() >= max_clients_) prune(now);
        it = buckets_.emplace(std::string(client), Bucket{cfg_.burst, now}).first;
    }
    Bucket& b = it->second;
    b.tokens = refilled(b.tokens, cfg_.requests_per_second, cfg_.burst, now - b.updated);
    b.updated = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return {true, 0};
    }
    const double wait_s = (1.0 - b.tokens) / cfg_.requests_per_second;
    return {false, std::max(1, static_cast<int>(std::ceil(wait_s)))};
}

std::size_t RateLimiter::tracked_clients() const {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

// A client whose bucket has refilled completely is indistinguishable from a new one, so it can
// be forgotten; if every client is active, the oldest half goes (bounded memory beats fairness).
void RateLimiter::prune(Clock::time_point now) {
    std::erase_if(buckets_, [&](const auto& kv) {
        const auto& b = kv.second;
        return refilled(b.tokens, cfg_.requests_per_second, cfg_.burst, now - b.updated) >=
               cfg_.burst;
    });
    if (buckets_.size() < max_clients_) return;
    std::vector<Clock::time_point> times;
    times.reserve(buckets_.size());
    for (const auto& kv : buckets_) times.push_back(kv.second.updated);
    auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), mid, times.end());
    const auto cutoff = *mid;
    std::erase_if(buckets_, [&](const auto& kv) { return kv.second.updated <= cutoff; });
}

}  // namespace news
