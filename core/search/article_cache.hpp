#pragma once
// The stored articles of one index revision, kept in memory once a search has read them. Every
// page of results reads ten articles for its snippets; from the index each is a B-tree lookup of
// two or three pread() calls, and perf put those system calls at 30% of a search on the bench
// machine (a kernel with page-table isolation and no PCID pays for every one). One cache per
// revision, shared by every Searcher of the process (core/search/per_revision.hpp): a new
// revision may hold another article under the same docid. Bounded in bytes (two budgets for the
// moment Searchers still on the old revision move to the new one); the least recently read
// articles leave first. Thread-safe.

#include <xapian.h>

#include <array>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace news {

class ArticleCache {
  public:
    using Text = std::shared_ptr<const std::string>;

    explicit ArticleCache(std::size_t budget_bytes);

    // The text of `did`: from memory, or from `load()` (called without any lock held), kept if
    // it fits. With a budget of 0 every call loads.
    template <typename Load>
    Text get(Xapian::docid did, Load&& load) {
        if (Text hit = find(did)) return hit;
        return insert(did, std::make_shared<const std::string>(std::forward<Load>(load)()));
    }

    Text find(Xapian::docid did);
    // Keeps `text` unless it is larger than a shard's share of the budget; returns what is held
    // for `did` afterwards (another thread's copy if it got there first), or `text`.
    Text insert(Xapian::docid did, Text text);

    std::size_t bytes() const;    // charged for the articles held, overhead included
    std::size_t entries() const;  // articles held

    // What one article costs beyond its text: list and hash nodes, the shared_ptr's block.
    static constexpr std::size_t kEntryOverhead = 128;

  private:
    struct Shard {
        mutable std::mutex mutex;
        std::list<std::pair<Xapian::docid, Text>> recent;  // most recently read first
        std::unordered_map<Xapian::docid, decltype(recent)::iterator> where;
        std::size_t bytes = 0;
    };
    // Searches on several threads rarely want the same shard at once.
    static constexpr std::size_t kShards = 8;

    Shard& shard_of(Xapian::docid did) { return shards_[did % kShards]; }
    static std::size_t charge(const Text& text) { return text->size() + kEntryOverhead; }

    std::size_t shard_budget_;
    std::array<Shard, kShards> shards_;
};

}  // namespace news
