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
        available_.wait(lock, [&] { return !idle_.empty() || in_use_or_idle_ < size_; });
        if (!idle_.empty()) {
            slot = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++in_use_or_idle_;
            fresh = true;
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
    {
        std::lock_guard lock(mutex_);
        if (discarded) {
            --in_use_or_idle_;
        } else {
            idle_.push_back(std::move(slot));
        }
    }
    available_.notify_one();
}

}  // namespace news
