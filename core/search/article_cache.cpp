#include "core/search/article_cache.hpp"

namespace news {

ArticleCache::ArticleCache(std::size_t budget_bytes) : shard_budget_(budget_bytes / kShards) {}

ArticleCache::Text ArticleCache::find(Xapian::docid did) {
    Shard& s = shard_of(did);
    std::lock_guard lock(s.mutex);
    const auto it = s.where.find(did);
    if (it == s.where.end()) return nullptr;
    s.recent.splice(s.recent.begin(), s.recent, it->second);
    return it->second->second;
}

ArticleCache::Text ArticleCache::insert(Xapian::docid did, Text text) {
    const std::size_t cost = charge(text);
    if (cost > shard_budget_) return text;
    Shard& s = shard_of(did);
    std::lock_guard lock(s.mutex);
    if (const auto it = s.where.find(did); it != s.where.end()) return it->second->second;
    while (s.bytes + cost > shard_budget_) {
        s.bytes -= charge(s.recent.back().second);
        s.where.erase(s.recent.back().first);
        s.recent.pop_back();
    }
    s.recent.emplace_front(did, text);
    s.where.emplace(did, s.recent.begin());
    s.bytes += cost;
    return text;
}

std::size_t ArticleCache::bytes() const {
    std::size_t total = 0;
    for (const Shard& s : shards_) {
        std::lock_guard lock(s.mutex);
        total += s.bytes;
    }
    return total;
}

std::size_t ArticleCache::entries() const {
    std::size_t total = 0;
    for (const Shard& s : shards_) {
        std::lock_guard lock(s.mutex);
        total += s.where.size();
    }
    return total;
}

}  // namespace news
