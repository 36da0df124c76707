// Per-revision data shared by every Searcher of a process: built once per revision, whatever
// the number of handles or threads asking, and freed with the last holder.
#include "core/search/per_revision.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/unit/scratch_path.hpp"

namespace {

std::atomic<int> g_builds{0};
std::atomic<int> g_failures_left{0};

// Stands for RevisionTables: remembers the revision it was built from, counts its builds.
struct Built {
    Xapian::rev revision;
    explicit Built(const Xapian::Database& db) : revision(db.get_revision()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let other callers pile up
        if (g_failures_left > 0) {
            --g_failures_left;
            throw std::runtime_error("build failed");
        }
        ++g_builds;
    }
};

// What a Searcher passes: the revision's data made from the handle that first asks.
auto make_built(const Xapian::Database& db) {
    return [&db] { return std::make_unique<Built>(db); };
}

struct TempIndex {
    news::testing::ScratchPath dir{"news-per-revision"};
    Xapian::WritableDatabase writer{dir.string(), Xapian::DB_CREATE_OR_OVERWRITE};
    TempIndex() { add("first"); }
    void add(const std::string& term) {
        Xapian::Document doc;
        doc.add_term(term);
        writer.add_document(doc);
        writer.commit();
    }
};

}  // namespace

TEST_CASE("per-revision data: one build per revision for every handle and thread") {
    TempIndex index;
    news::PerRevision<Built> cache;
    g_builds = 0;

    std::vector<std::shared_ptr<const Built>> got(8);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < got.size(); ++i) {
            threads.emplace_back([&, i] {
                const Xapian::Database db(
                    index.dir.string());  // a handle of its own, as a Searcher
                got[i] = cache.get(db, make_built(db));
            });
        }
    }
    CHECK(g_builds == 1);
    for (const auto& p : got) CHECK(p.get() == got[0].get());

    // A new revision gets a copy of its own; handles still on the old one keep theirs.
    Xapian::Database old_handle(index.dir.string());
    index.add("second");
    Xapian::Database new_handle(index.dir.string());
    const auto fresh = cache.get(new_handle, make_built(new_handle));
    CHECK(g_builds == 2);
    CHECK(fresh->revision == got[0]->revision + 1);
    CHECK(cache.get(old_handle, make_built(old_handle)).get() == got[0].get());
    CHECK(cache.live() == 2);

    // The old revision's copy goes with its last holder.
    got.clear();
    CHECK(cache.live() == 1);
    CHECK(cache.get(new_handle, make_built(new_handle)).get() == fresh.get());
    CHECK(g_builds == 2);
}

TEST_CASE("per-revision data: a failed build is not kept, the next caller builds again") {
    TempIndex index;
    news::PerRevision<Built> cache;
    g_builds = 0;
    g_failures_left = 1;
    const Xapian::Database db(index.dir.string());
    CHECK_THROWS_AS(cache.get(db, make_built(db)), std::runtime_error);
    const auto second = cache.get(db, make_built(db));
    CHECK(second);
    CHECK(g_builds == 1);
}

TEST_CASE("per-revision data: another database at the same path is another key") {
    std::string first_key;
    {
        TempIndex index;
        first_key = news::revision_key(Xapian::Database(index.dir.string()));
    }
    TempIndex rebuilt;  // same path, same revision number, new database
    CHECK(news::revision_key(Xapian::Database(rebuilt.dir.string())) != first_key);
}
