// kill -9 of the indexer at seeded random points of a large run: the index always opens at the
// last committed revision, the server keeps serving it, and a re-run ends with the same index as
// an uninterrupted run.

#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/feed.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// NEWS_CRASH_KILLS / NEWS_CRASH_ARTICLES override the mode's kill count and feed size.
std::size_t env_or(const char* name, std::size_t fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::strtoul(v, nullptr, 10) : fallback;
}

std::uint32_t crash_seed() {
    const char* v = std::getenv("NEWS_CRASH_SEED");
    return v != nullptr ? static_cast<std::uint32_t>(std::strtoul(v, nullptr, 10)) : 20261124u;
}

// Two versions of one large feed: B updates every article of A, drops every seventh and adds 50.
std::vector<nlohmann::json> feed_version(std::size_t count, bool b) {
    if (!b) return synthetic_articles({"crash-", 0, count, 11, "", "versionA"});
    auto all = synthetic_articles({"crash-", 0, count + 50, 12, "", "versionB"});
    std::vector<nlohmann::json> kept;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i % 7 != 3) kept.push_back(std::move(all[i]));
    }
    return kept;
}

// The article count the server reports, polled until it equals `want` (it refreshes on its own
// schedule); returns the last count seen.
long served_articles(const ServerProcess& server, long want) {
    long seen = -1;
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    do {
        auto r = get(server.port(), "/api/stats");
        if (r && r->status == 200) {
            const auto j = nlohmann::json::parse(r->body, nullptr, false);
            if (j.is_object() && j.contains("articles")) seen = j["articles"].get<long>();
        }
        if (seen == want) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (Clock::now() < deadline);
    return seen;
}

}  // namespace

TEST_CASE(
    "crash safety: kill -9 the indexer at random points, last revision serves, re-run converges") {
    const bool full = long_tests_enabled();
    const std::size_t articles = env_or("NEWS_CRASH_ARTICLES", full ? 20000 : 2000);
    const int kills = static_cast<int>(env_or("NEWS_CRASH_KILLS", full ? 20 : 5));
    TempDir dir;
    const fs::path feed = dir / "large.jsonl";
    const fs::path log = dir / "indexer.log";

    // Uninterrupted references: the corpus plus version A, and the corpus plus version B.
    std::vector<std::string> ids_ref[2];
    double full_run_seconds = 0;
    for (int v = 0; v < 2; ++v) {
        const fs::path ref = dir / ("ref" + std::to_string(v));
        REQUIRE(run_indexer(ref, {corpus_dir().string()}, log).code == 0);
        write_feed(feed, feed_version(articles, v == 1));
        const auto start = Clock::now();
        const auto status = run_indexer(ref, {feed.string()}, log);
        REQUIRE_MESSAGE(status.code == 0, read_file(log));
        full_run_seconds =
            std::max(full_run_seconds, std::chrono::duration<double>(Clock::now() - start).count());
        ids_ref[v] = index_ids(ref);
    }
    REQUIRE(ids_ref[0] != ids_ref[1]);

    // The crash database starts at version A; the server serves it throughout.
    const fs::path db = dir / "index";
    REQUIRE(run_indexer(db, {corpus_dir().string()}, log).code == 0);
    write_feed(feed, feed_version(articles, false));
    REQUIRE(run_indexer(db, {feed.string()}, log).code == 0);
    REQUIRE(index_ids(db) == ids_ref[0]);
    ServerProcess server(ServerOptions{db});

    std::mt19937 rng(crash_seed());
    std::uniform_real_distribution<double> when(0.02, 1.0);
    int version = 0;  // committed version of the crash database
    int killed_mid_run = 0;
    for (int k = 0; k < kills; ++k) {
        const int next = 1 - version;
        write_feed(feed, feed_version(articles, next == 1));
        const auto delay = std::chrono::duration<double>(when(rng) * full_run_seconds);
        {
            ChildProcess indexer(indexer_args(db, {feed.string()}), log);
            std::this_thread::sleep_for(delay);
            if (indexer.running()) {
                indexer.signal(SIGKILL);
                ++killed_mid_run;
            }
            indexer.wait_for(std::chrono::seconds(10));
        }
        // The database opens, at one whole revision: the old one, or the new one when the kill
        // came after the commit.
        const auto ids = index_ids(db);
        const bool old_rev = ids == ids_ref[version];
        const bool new_rev = ids == ids_ref[next];
        CHECK_MESSAGE((old_rev || new_rev), "kill " << k << " after " << delay.count() << " s left "
                                                    << ids.size() << " articles");
        const long want = static_cast<long>(ids.size());
        CHECK(served_articles(server, want) == want);
        auto search = server.get("/api/search?q=market");
        CHECK(is_search_result(search));

        // A re-run completes and yields exactly the uninterrupted run's index.
        const auto status = run_indexer(db, {feed.string()}, log);
        CHECK_MESSAGE(status.code == 0, "re-run after kill " << k << ": " << read_file(log));
        CHECK(index_ids(db) == ids_ref[next]);
        CHECK(served_articles(server, static_cast<long>(ids_ref[next].size())) ==
              static_cast<long>(ids_ref[next].size()));
        version = next;
    }
    MESSAGE(kills << " kill -9 points (seed " << crash_seed() << "), " << killed_mid_run
                  << " mid-run, over a " << articles << "-article feed indexed in "
                  << full_run_seconds << " s; every kill left a whole revision");
    CHECK(killed_mid_run >= kills / 2);
    CHECK(server.healthy());
}
