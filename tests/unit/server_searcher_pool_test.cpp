// The searcher pool hands Searchers out first come, first served.
#include <doctest/doctest.h>

#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/index/index_writer.hpp"
#include "server/searcher_pool.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

// An index of one article in a fresh scratch directory, removed when the case ends.
struct OneArticleIndex {
    news::testing::ScratchPath dir{"news-search-pool"};
    OneArticleIndex();
    std::string path() const { return dir.string(); }
};

OneArticleIndex::OneArticleIndex() {
    news::IndexWriterOptions options;
    options.db_path = dir.string();
    news::IndexWriter writer(options);
    writer.begin_file("pool.jsonl", "h");
    news::Article a;
    a.id = "pool-1";
    a.title = "Cocoa";
    a.paragraphs = {"Cocoa prices rose in Bahia."};
    a.origin = "pool.jsonl";
    writer.put(a);
    writer.end_file();
    writer.commit();
}

void wait_until_waiting(news::SearcherPool& pool, std::size_t n) {
    while (pool.waiting() < n) std::this_thread::yield();
}

}  // namespace

TEST_CASE("searcher pool: waiting requests are served in order, and a newcomer queues behind") {
    const OneArticleIndex index;
    news::SearcherPool pool({index.path(), {}}, 1, std::chrono::hours(1));
    std::optional<news::SearcherPool::Lease> busy;
    busy.emplace(pool.acquire());
    std::mutex m;
    std::vector<int> order;
    auto take = [&](int i) {
        auto lease = pool.acquire();
        CHECK(lease->article_count() == 1);
        const std::lock_guard lock(m);
        order.push_back(i);
    };
    std::vector<std::thread> waiters;
    for (int i = 0; i < 5; ++i) {
        waiters.emplace_back(take, i);
        wait_until_waiting(pool, static_cast<std::size_t>(i) + 1);
    }
    // Released and asked for again at once: the five who waited go first.
    busy.reset();
    take(5);
    for (auto& t : waiters) t.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("searcher pool: a discarded Searcher lets the next waiter open a fresh one") {
    const OneArticleIndex index;
    news::SearcherPool pool({index.path(), {}}, 1, std::chrono::hours(1));
    std::optional<news::SearcherPool::Lease> busy;
    busy.emplace(pool.acquire());
    std::thread waiter([&] {
        auto lease = pool.acquire();
        CHECK(lease->article_count() == 1);
    });
    wait_until_waiting(pool, 1);
    busy->discard();
    busy.reset();
    waiter.join();
    CHECK(pool.waiting() == 0);
    auto again = pool.acquire();  // the capacity came back
    CHECK(again->article_count() == 1);
}
