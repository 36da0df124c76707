#include "server/searcher_pool.hpp"

namespace news {

SearcherPool::Lease::~Lease() {
    if (pool_ != nullptr) pool_->give_back(std::move(slot_), discarded_ || !slot_.searcher);
}

SearcherPool::SearcherPool(SearcherOptions options, int size,
                           std::chrono::milliseconds refresh_interval)
    : options_(std::move(options)),
      size_(size < 1 ? 1 : size),
      refresh_interval_(refresh_interval) {}

SearcherPool::Lease SearcherPool::acquire() {
    Slot slot;
    bool fresh = false;
    {
        std::unique_lock lock(mutex_);
        if (waiters_.empty() && !idle_.empty()) {
            slot = std::move(idle_.back());
            idle_.pop_back();
        } else if (waiters_.empty() && in_use_or_idle_ < size_) {
            ++in_use_or_idle_;
            fresh = true;
        } else {
            Waiter me;
            waiters_.push_back(&me);
            me.handed_over.wait(lock, [&] { return me.ready; });
            fresh = me.open_fresh;
            slot = std::move(me.slot);
        }
    }
    try {
        const auto now = std::chrono::steady_clock::now();
        if (fresh) {
            slot = Slot{std::make_unique<Searcher>(options_), now};
        } else if (now - slot.refreshed >= refresh_interval_) {
            slot.searcher->refresh();
            slot.refreshed = now;
        }
    } catch (...) {
        give_back(Slot{}, true);
        throw;
    }
    return Lease(*this, std::move(slot));
}

void SearcherPool::give_back(Slot slot, bool discarded) {
    std::lock_guard lock(mutex_);
    if (!waiters_.empty()) {
        // The longest waiter gets it; a dropped Searcher passes on the right to open one.
        Waiter* next = waiters_.front();
        waiters_.pop_front();
        next->open_fresh = discarded;
        if (!discarded) next->slot = std::move(slot);
        next->ready = true;
        // Under the lock: the waiter cannot leave (and take its Waiter off the stack) before.
        next->handed_over.notify_one();
        return;
    }
    if (discarded) {
        --in_use_or_idle_;
    } else {
        idle_.push_back(std::move(slot));
    }
}

std::size_t SearcherPool::waiting() {
    std::lock_guard lock(mutex_);
    return waiters_.size();
}

}  // namespace news
