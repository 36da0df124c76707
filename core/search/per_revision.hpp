#pragma once
// Data built from a whole index revision (the per-revision tables, the vocabulary) are read-only
// once built and the same for every handle open on that revision. A server keeps one Searcher
// per concurrent search: built per Searcher, each revision's tables were built once per handle
// (hundreds of millions of instructions and tens of MB each on the 10x bench index). Shared here,
// they are built once per process by the first Searcher that needs them; the others wait for
// that build and hold the same copy. A revision's copy is freed when the last handle lets go.
// The same holds for what fills as searches run (the article cache): it must be thread-safe.

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace news {

// The key of the revision `db` reads: the database's UUID (a rebuilt index at the same path is
// another database) and its revision number.
std::string revision_key(const Xapian::Database& db);

template <typename T>
class PerRevision {
  public:
    // The T of `db`'s revision, made by `make()` (a std::unique_ptr<T>) for the first caller for
    // that revision; later callers' `make` is not called. A build that throws is not kept: the
    // next caller tries again. T may be const (tables that are only read once built).
    template <typename Make>
    std::shared_ptr<T> get(const Xapian::Database& db, Make&& make) {
        std::shared_ptr<Entry> entry;
        {
            std::lock_guard lock(mutex_);
            forget_released();
            auto& slot = entries_[revision_key(db)];
            entry = slot.lock();
            if (!entry) {
                entry = std::make_shared<Entry>();
                slot = entry;
            }
        }
        // Outside the map's lock: a build for one revision does not hold up another's.
        std::call_once(entry->built, [&] { entry->value = std::forward<Make>(make)(); });
        // Aliasing: the caller's pointer keeps the entry, and so its value, alive.
        return std::shared_ptr<T>(entry, entry->value.get());
    }

    // Revisions with a live copy (for tests).
    std::size_t live() {
        std::lock_guard lock(mutex_);
        forget_released();
        return entries_.size();
    }

  private:
    // Drops the keys of revisions nobody holds any more (called under mutex_).
    void forget_released() {
        std::erase_if(entries_, [](const auto& kv) { return kv.second.expired(); });
    }

    struct Entry {
        std::once_flag built;
        std::unique_ptr<T> value;
    };
    std::mutex mutex_;
    std::map<std::string, std::weak_ptr<Entry>> entries_;
};

}  // namespace news
