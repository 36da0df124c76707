// The cache of stored articles: loads each article once while it fits, keeps to its byte budget
// by letting the least recently read go, and stays whole under concurrent searches.
#include "core/search/article_cache.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace {

// Docids in one shard (the cache has 8, picked by docid modulo 8), so that eviction order is
// the cache's whole order.
constexpr Xapian::docid kShardStride = 8;

std::string text_of(Xapian::docid did, std::size_t size = 100) {
    std::string t = "article " + std::to_string(did) + " ";
    t.resize(size, 'x');
    return t;
}

// Reads `did` through the cache, counting the loads from "the index".
std::string read(news::ArticleCache& cache, Xapian::docid did, int& loads) {
    return *cache.get(did, [&] {
        ++loads;
        return text_of(did);
    });
}

// A budget that holds `n` articles of text_of()'s default size in each shard.
std::size_t budget_for(std::size_t n) {
    return 8 * n * (100 + news::ArticleCache::kEntryOverhead);
}

}  // namespace

TEST_CASE("article cache: an article is loaded once, then read from memory") {
    news::ArticleCache cache(budget_for(4));
    int loads = 0;
    CHECK(read(cache, 1, loads) == text_of(1));
    CHECK(read(cache, 1, loads) == text_of(1));
    CHECK(read(cache, 2, loads) == text_of(2));
    CHECK(loads == 2);
    CHECK(cache.entries() == 2);
    CHECK(cache.bytes() == 2 * (100 + news::ArticleCache::kEntryOverhead));
    // The same object each time: a hit copies nothing.
    CHECK(cache.find(1) == cache.find(1));
    CHECK(cache.find(3) == nullptr);
}

TEST_CASE("article cache: over budget, the least recently read article goes first") {
    news::ArticleCache cache(budget_for(3));
    int loads = 0;
    const Xapian::docid a = 1, b = a + kShardStride, c = b + kShardStride, d = c + kShardStride;
    read(cache, a, loads);
    read(cache, b, loads);
    read(cache, c, loads);
    read(cache, a, loads);  // a is now the most recent; b the least
    CHECK(loads == 3);
    read(cache, d, loads);  // no room for a fourth in this shard: b leaves
    CHECK(loads == 4);
    CHECK(cache.find(b) == nullptr);
    CHECK(cache.find(a) != nullptr);
    CHECK(cache.find(c) != nullptr);
    CHECK(cache.find(d) != nullptr);
    CHECK(cache.entries() == 3);
    CHECK(cache.bytes() <= budget_for(3));
    read(cache, b, loads);  // read again from the index
    CHECK(loads == 5);
}

TEST_CASE("article cache: an article larger than its share is returned but not kept") {
    news::ArticleCache cache(budget_for(2));
    const std::string big = text_of(5, 1000);
    int loads = 0;
    for (int i = 0; i < 2; ++i) {
        CHECK(*cache.get(5, [&] {
            ++loads;
            return big;
        }) == big);
    }
    CHECK(loads == 2);
    CHECK(cache.entries() == 0);
    CHECK(cache.bytes() == 0);
}

TEST_CASE("article cache: a budget of 0 keeps nothing") {
    news::ArticleCache cache(0);
    int loads = 0;
    CHECK(read(cache, 7, loads) == text_of(7));
    CHECK(read(cache, 7, loads) == text_of(7));
    CHECK(loads == 2);
    CHECK(cache.entries() == 0);
}

TEST_CASE("article cache: threads reading overlapping articles get the right text, within budget") {
    news::ArticleCache cache(budget_for(16));
    std::atomic<int> loads{0}, wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5000; ++i) {
                const auto did = static_cast<Xapian::docid>(1 + (i * 7 + t) % 200);
                const auto text = cache.get(did, [&] {
                    ++loads;
                    return text_of(did);
                });
                if (*text != text_of(did)) ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
    CHECK(loads >= 200);
    CHECK(cache.entries() <= 8 * 16);
    CHECK(cache.bytes() <= budget_for(16));
    CHECK(cache.bytes() == cache.entries() * (100 + news::ArticleCache::kEntryOverhead));
}
