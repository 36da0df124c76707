#pragma once
// A bounded pool of Searchers: Xapian database handles are not thread-safe, so each search
// borrows one for its duration. Searchers are opened lazily (the server starts without an
// index and picks one up when it appears) and refreshed at most every `refresh_interval`,
// which is how a new index revision is served within a second without a restart. Requests
// that find every Searcher busy are served in the order they came: a condition variable wakes
// waiters in no particular order and lets newcomers overtake them, which at 16 connections on
// 2 searchers made the slowest 1% of requests wait several turns.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/search/searcher.hpp"

namespace news {

class SearcherPool {
    struct Slot {
        std::unique_ptr<Searcher> searcher;
        std::chrono::steady_clock::time_point refreshed;
    };

  public:
    class Lease {
      public:
        Lease(SearcherPool& pool, Slot slot) : pool_(&pool), slot_(std::move(slot)) {}
        Lease(Lease&& other) noexcept
            : pool_(std::exchange(other.pool_, nullptr)),
              slot_(std::move(other.slot_)),
              discarded_(other.discarded_) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        Searcher& operator*() const { return *slot_.searcher; }
        Searcher* operator->() const { return slot_.searcher.get(); }
        // Drops the Searcher instead of returning it (after an unexpected error), so the next
        // request opens a fresh handle.
        void discard() { discarded_ = true; }

      private:
        SearcherPool* pool_;
        Slot slot_;
        bool discarded_ = false;
    };

    SearcherPool(SearcherOptions options, int size, std::chrono::milliseconds refresh_interval);

    // Blocks while `size` searches are running. Throws ApiError::not_ready when the index
    // cannot be opened.
    Lease acquire();

    int size() const { return size_; }
    // Requests waiting for a Searcher now.
    std::size_t waiting();

  private:
    // One request waiting; the Searcher (or the right to open one) is handed to it directly.
    struct Waiter {
        std::condition_variable handed_over;
        Slot slot;
        bool open_fresh = false;
        bool ready = false;
    };

    void give_back(Slot slot, bool discarded);

    SearcherOptions options_;
    int size_;
    std::chrono::milliseconds refresh_interval_;
    std::mutex mutex_;
    std::deque<Waiter*> waiters_;  // first come, first served
    std::vector<Slot> idle_;
    int in_use_or_idle_ = 0;
};

}  // namespace news
