// The per-client token bucket.

#include <doctest/doctest.h>

#include "server/rate_limiter.hpp"

using namespace std::chrono_literals;

TEST_CASE("rate limiter: a burst passes, the next request is refused with Retry-After") {
    news::RateLimiter limiter({true, 2.0, 3.0});
    const auto t0 = news::RateLimiter::Clock::time_point{} + 100s;
    for (int i = 0; i < 3; ++i) CHECK(limiter.take("10.0.0.1", t0).allowed);
    const auto refused = limiter.take("10.0.0.1", t0);
    CHECK_FALSE(refused.allowed);
    CHECK(refused.retry_after_s == 1);  // 2 tokens/s: one is back within a second
    // Another client has its own bucket.
    CHECK(limiter.take("10.0.0.2", t0).allowed);
}

TEST_CASE("rate limiter: tokens come back at the configured rate, up to the burst") {
    news::RateLimiter limiter({true, 2.0, 3.0});
    const auto t0 = news::RateLimiter::Clock::time_point{} + 100s;
    for (int i = 0; i < 3; ++i) REQUIRE(limiter.take("c", t0).allowed);
    CHECK_FALSE(limiter.take("c", t0 + 100ms).allowed);
    CHECK(limiter.take("c", t0 + 500ms).allowed);  // 0.5 s x 2/s = 1 token
    CHECK_FALSE(limiter.take("c", t0 + 500ms).allowed);
    // A long pause refills only to the burst size.
    const auto later = t0 + 1h;
    for (int i = 0; i < 3; ++i) CHECK(limiter.take("c", later).allowed);
    CHECK_FALSE(limiter.take("c", later).allowed);
}

TEST_CASE("rate limiter: Retry-After rounds up for slow rates") {
    news::RateLimiter limiter({true, 0.1, 1.0});  // one request per 10 s
    const auto t0 = news::RateLimiter::Clock::time_point{} + 100s;
    CHECK(limiter.take("c", t0).allowed);
    const auto refused = limiter.take("c", t0);
    CHECK_FALSE(refused.allowed);
    CHECK(refused.retry_after_s == 10);
}

TEST_CASE("rate limiter: memory stays bounded with many clients") {
    news::RateLimiter limiter({true, 1.0, 2.0}, 100);
    const auto t0 = news::RateLimiter::Clock::time_point{} + 100s;
    for (int i = 0; i < 1000; ++i) limiter.take("client-" + std::to_string(i), t0);
    CHECK(limiter.tracked_clients() <= 100);
}
