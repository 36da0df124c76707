#pragma once
// A hash map from strings to V for the indexer's per-word memos (stems, American spellings,
// spelling-table word counts), which are looked up once per word of every article.
//
// Why not std::unordered_map: it keeps each entry in a node of its own, reached through a
// bucket array, and divides by a prime to find a bucket; in a perf profile of a fresh build,
// those look-ups (mostly cache misses on the bucket, then on the node) were about a tenth of
// the indexer's time. Here the entries lie side by side in one vector and an open-addressing
// index of 8-byte slots (linear probing, power-of-two size, at most half full) leads to them:
// probing reads one or two cache lines of slots, then the entry itself.
//
// No erase: the memos only grow, and start again from empty (clear) when they hold enough.
// Pointers to values stay valid until the next insertion.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

template <class V>
class FlatStringMap {
  public:
    using Entry = std::pair<std::string, V>;

    // The value stored for `key`, or nullptr.
    const V* find(std::string_view key) const {
        if (slots_.empty()) return nullptr;
        const Entry* e = probe(hash(key), key).entry;
        return e != nullptr ? &e->second : nullptr;
    }
    V* find(std::string_view key) { return const_cast<V*>(std::as_const(*this).find(key)); }

    // The value stored for `key`, value-initialised first when the key is new (then `second`
    // is true). One hash and one walk of the probe sequence, hit or miss.
    std::pair<V*, bool> try_emplace(std::string_view key) {
        const std::uint64_t h = hash(key);
        std::size_t free_slot = 0;
        if (!slots_.empty()) {
            const Probe p = probe(h, key);
            if (p.entry != nullptr) return {const_cast<V*>(&p.entry->second), false};
            free_slot = p.slot;
        }
        entries_.emplace_back(std::string(key), V{});
        if (2 * entries_.size() > slots_.size()) {
            grow();  // places every entry, the new one included
        } else {
            slots_[free_slot] = tag(h) | entries_.size();
        }
        return {&entries_.back().second, true};
    }

    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    // Entries in the order they were added.
    const std::vector<Entry>& entries() const { return entries_; }

    // Forgets every entry (keeps the memory of the slots and entries for the next ones).
    void clear() {
        entries_.clear();
        std::fill(slots_.begin(), slots_.end(), 0);
    }

  private:
    // A slot is 0 when free, else the upper 32 bits of the key's hash (to skip most unequal
    // keys without reading their entry) and the entry's position + 1 in the lower 32.
    static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
    static std::uint64_t tag(std::uint64_t h) { return h & 0xFFFF'FFFF'0000'0000ULL; }
    std::size_t mask() const { return slots_.size() - 1; }

    const Entry* match(std::uint64_t slot, std::uint64_t h, std::string_view key) const {
        if (tag(slot) != tag(h)) return nullptr;
        const Entry& e = entries_[(slot & 0xFFFF'FFFFULL) - 1];
        return e.first == key ? &e : nullptr;
    }

    // Where `key`'s probe sequence ends: at its entry, or at the free slot it would take.
    struct Probe {
        std::size_t slot;
        const Entry* entry;  // null when the key is absent
    };
    Probe probe(std::uint64_t h, std::string_view key) const {
        std::size_t i = h & mask();
        for (; slots_[i] != 0; i = (i + 1) & mask()) {
            if (const Entry* e = match(slots_[i], h, key)) return {i, e};
        }
        return {i, nullptr};
    }

    void place(std::uint64_t h, std::size_t position) {
        std::size_t i = h & mask();
        while (slots_[i] != 0) i = (i + 1) & mask();
        slots_[i] = tag(h) | position;
    }

    void grow() {
        slots_.assign(slots_.empty() ? 64 : 2 * slots_.size(), 0);
        for (std::size_t k = 0; k < entries_.size(); ++k) place(hash(entries_[k].first), k + 1);
    }

    std::vector<std::uint64_t> slots_;
    std::vector<Entry> entries_;
};

}  // namespace news
