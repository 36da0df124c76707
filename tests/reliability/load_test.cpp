// Bounded load at 64 concurrent connections, and reindexing while that load runs.
// Short versions always run; NEWS_LONG_TESTS=1 runs the 30 s load over the benchmark corpus too.

#include "tests/reliability/support/load.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/text/percent_encode.hpp"
#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/feed.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

const fs::path kBenchCorpus = fs::path(NEWS_SOURCE_DIR) / ".." / "shared" / "bench-corpus";

std::vector<std::string> load_targets() {
    std::vector<std::string> queries = {
        "Foxconn Nissan Oppama", "electric vehicle", "AI",   "\"Oppama plant\"",
        "nissan OR foxconn",     "title:foxconn",    "fox*", "china -japan",
        "Foxcon Nisan"};
    if (long_tests_enabled()) {
        std::ifstream in(kBenchCorpus / "queries.txt");
        std::string line;
        for (int i = 0; i < 300 && std::getline(in, line); ++i) {
            if (!line.empty()) queries.push_back(line);
        }
    }
    std::vector<std::string> targets;
    for (const auto& q : queries) targets.push_back("/api/search?q=" + news::percent_encode(q));
    targets.push_back("/api/search?q=nis&partial=true");
    targets.push_back("/api/search?q=ai&page=2&per_page=5&collapse=false");
    targets.push_back("/api/search?q=ai&sort=date");
    targets.push_back("/api/stats");
    targets.push_back("/healthz");
    targets.push_back("/readyz");
    return targets;
}

std::string expect_200_json(const std::string&, const HttpResponse& r) {
    if (r.status != 200) return "status " + std::to_string(r.status) + " " + r.body.substr(0, 200);
    if (r.body.empty() || r.body.front() != '{') return "not a JSON object";
    return {};
}

fs::path index_for_load(TempDir& dir) {
    if (!long_tests_enabled() || !fs::exists(kBenchCorpus / "news.jsonl")) return corpus_index();
    const fs::path db = dir / "index";
    const auto status = run_indexer(
        db, {corpus_dir().string(), (kBenchCorpus / "news.jsonl").string()}, dir / "indexer.log");
    REQUIRE_MESSAGE(status.code <= 1, read_file(dir / "indexer.log"));
    return db;
}

void report(const std::string& name, const LoadResult& r) {
    MESSAGE(name << ": " << r.requests << " requests in " << r.seconds << " s (" << r.per_second()
                 << "/s), failed " << r.failed << ", 5xx " << r.server_errors << ", p50 "
                 << r.p50_ms << " ms, p99 " << r.p99_ms << " ms, max " << r.max_ms << " ms");
    for (const auto& f : r.failures) MESSAGE("failure: " << f);
}

}  // namespace

TEST_CASE("load: 64 concurrent connections, zero failed requests, zero 5xx, p99 reported") {
    TempDir dir;
    const fs::path db = index_for_load(dir);
    // The default workers (one per concurrent search) serve all 64 connections.
    ServerProcess server(ServerOptions{db});
    const long rss = server.rss_kib();
    const auto targets = load_targets();
    LoadPlan plan;
    plan.port = server.port();
    plan.connections = 64;
    plan.duration = long_tests_enabled() ? std::chrono::seconds(30) : std::chrono::seconds(5);
    plan.target = [&](int c, std::size_t n) { return targets[(c * 7 + n) % targets.size()]; };
    plan.check = expect_200_json;
    const LoadResult r = run_load(plan);
    report(long_tests_enabled() ? "load 30 s" : "load 5 s", r);
    CHECK(r.requests > 100);
    CHECK(r.failed == 0);
    CHECK(r.server_errors == 0);
    check_still_well(server, rss);
}

TEST_CASE("reindex under load: no failed request, only whole revisions, new articles within 1 s") {
    constexpr std::size_t kBatch = 25;
    const std::string marker = "zqreloadmark";
    TempDir dir;
    const fs::path db = dir / "index";
    REQUIRE(run_indexer(db, {corpus_dir().string()}, dir / "indexer.log").code == 0);
    const fs::path feed = dir / "reload.jsonl";
    ServerProcess server(ServerOptions{db, {}, {{"http_threads", 64}}});

    // Readers: every answer for the marker holds 0 or kBatch of the batch, all of one revision.
    const std::string marker_target = "/api/search?q=" + marker + "&collapse=false&per_page=100";
    std::atomic<std::size_t> partial_answers{0};
    std::mutex seen_mutex;
    std::set<std::size_t> sizes_seen;
    std::vector<std::string> torn;
    const std::regex rev_re("rev(\\d+)");
    auto check_marker = [&](const std::string& target, const HttpResponse& r) -> std::string {
        if (auto why = expect_200_json(target, r); !why.empty()) return why;
        if (target != marker_target) return {};
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        if (!j.is_object() || !j["hits"].is_array()) return "not a search result";
        std::size_t batch = 0;
        std::set<std::string> revisions;
        for (const auto& h : j["hits"]) {
            if (!h.value("id", "").starts_with("reload-")) continue;
            ++batch;
            std::smatch m;
            const std::string title = h.value("title", "");
            if (std::regex_search(title, m, rev_re)) revisions.insert(m[1]);
        }
        std::lock_guard lock(seen_mutex);
        sizes_seen.insert(batch);
        if ((batch != 0 && batch != kBatch) || revisions.size() > 1) {
            ++partial_answers;
            std::string why = "half-applied batch: " + std::to_string(batch) + " articles, " +
                              std::to_string(revisions.size()) + " revisions";
            if (torn.size() < 5) torn.push_back(why);
            return why;
        }
        return {};
    };
    const auto targets = load_targets();
    LoadPlan plan;
    plan.port = server.port();
    plan.connections = 32;
    plan.duration = std::chrono::seconds(long_tests_enabled() ? 60 : 12);
    plan.target = [&](int c, std::size_t n) {
        return c % 2 == 0 ? marker_target : targets[(c + n) % targets.size()];
    };
    plan.check = check_marker;

    LoadResult load;
    std::jthread load_thread([&] { load = run_load(plan); });
    const auto load_end = Clock::now() + plan.duration - std::chrono::seconds(2);

    // Writer: add a batch, update all of it, remove it; measure when each change is visible.
    int rounds = 0, revision = 0;
    double worst_delay = 0;
    auto visible_batch = [&](int rev) -> std::size_t {
        auto r = get(server.port(), marker_target);
        if (!r || r->status != 200) return 0;
        const auto j = nlohmann::json::parse(r->body, nullptr, false);
        std::size_t n = 0;
        for (const auto& h : j["hits"]) {
            if (h.value("id", "").starts_with("reload-") &&
                (rev < 0 ||
                 h.value("title", "").find("rev" + std::to_string(rev)) != std::string::npos)) {
                ++n;
            }
        }
        return n;
    };
    auto wait_visible = [&](int rev, std::size_t want) {
        const auto committed = Clock::now();
        while (Clock::now() - committed < std::chrono::seconds(5)) {
            if (visible_batch(rev) == want) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const double delay = std::chrono::duration<double>(Clock::now() - committed).count();
        worst_delay = std::max(worst_delay, delay);
        // docs/server.md: a new revision is served within a second.
        CHECK_MESSAGE(delay < 1.0, "change visible only after " << delay << " s");
    };
    while (Clock::now() < load_end) {
        for (int step = 0; step < 3 && Clock::now() < load_end; ++step) {
            ++revision;
            std::vector<nlohmann::json> articles;
            if (step < 2) {  // add, then update the same ids
                articles =
                    synthetic_articles({"reload-", 0, kBatch, static_cast<std::uint32_t>(revision),
                                        marker, "rev" + std::to_string(revision)});
            }
            // Removal: the feed keeps one unrelated article, so the file changes and its marker
            // articles go (an empty feed would be skipped as bad input).
            articles.push_back({{"id", "placeholder-for-reload"},
                                {"title", "Placeholder"},
                                {"body", "Nothing to see " + std::to_string(revision)}});
            write_feed(feed, articles);
            const auto status = run_indexer(db, {feed.string()}, dir / "indexer.log");
            REQUIRE_MESSAGE(status.code == 0, read_file(dir / "indexer.log"));
            wait_visible(step < 2 ? revision : -1, step < 2 ? kBatch : 0);
        }
        ++rounds;
    }
    load_thread.join();
    report("reindex under load", load);
    MESSAGE(rounds << " add/update/remove rounds (" << revision << " revisions), worst visibility "
                   << worst_delay << " s, half-applied answers " << partial_answers.load());
    for (const auto& t : torn) MESSAGE("torn: " << t);
    CHECK(rounds >= 1);
    CHECK(load.failed == 0);
    CHECK(load.server_errors == 0);
    CHECK(partial_answers.load() == 0);
    CHECK(sizes_seen.count(kBatch) == 1);  // the readers did see the batch come and go
    CHECK(sizes_seen.count(0) == 1);
}
