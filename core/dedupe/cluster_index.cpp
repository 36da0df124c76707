#include "core/dedupe/cluster_index.hpp"

#include <algorithm>

#include "core/dedupe/lead_key.hpp"

namespace news::dedupe {

std::uint32_t ClusterIndex::intern(std::string_view key) {
    auto [it, inserted] = cluster_ids_.try_emplace(
        std::string(key), static_cast<std::uint32_t>(cluster_keys_.size()));
    if (inserted) {
        cluster_keys_.emplace_back(key);
        cluster_sizes_.push_back(0);
    }
    return it->second;
}

std::uint32_t ClusterIndex::head_of(std::uint64_t band_key) const {
    if (heads_.empty()) return kNone;
    return heads_[band_key & (heads_.size() - 1)];
}

std::uint32_t& ClusterIndex::head(std::uint64_t band_key) {
    return heads_[band_key & (heads_.size() - 1)];
}

void ClusterIndex::grow() {
    const std::size_t size = heads_.empty() ? 1024 : heads_.size() * 2;
    heads_.assign(size, kNone);
    // Rebuild the chains; entries keep their order so newer entries stay first in a bucket.
    for (std::uint32_t i = 0; i < entries_.size(); ++i) entries_[i].next = kNone;
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        // The low 32 bits index the bucket, so rebuilding needs only key_low.
        auto& h = heads_[entries_[i].key_low & (heads_.size() - 1)];
        entries_[i].next = h;
        h = i;
    }
}

void ClusterIndex::insert_band(std::uint64_t band_key, std::uint32_t docid) {
    if (entries_.size() + 1 > heads_.size()) grow();
    const auto index = static_cast<std::uint32_t>(entries_.size());
    auto& h = head(band_key);
    entries_.push_back({static_cast<std::uint32_t>(band_key), docid, h});
    h = index;
}

void ClusterIndex::add(std::uint32_t docid, const Fingerprint& f, std::string_view cluster_key) {
    remove(docid);
    const std::uint32_t cluster = intern(cluster_key);
    members_[docid] = Member{f, cluster};
    if (++cluster_sizes_[cluster] == 2) ++multi_member_clusters_;
    for (const auto key : band_keys(f.sig)) insert_band(key, docid);
    // The lead key goes into the same table: a 64-bit hash, as the band keys are, and every
    // candidate either lookup finds is checked against the member itself.
    if (f.lead != 0) insert_band(f.lead, docid);
}

std::string ClusterIndex::assign(const Fingerprint& f, std::string_view own_key) const {
    double best = -1.0;
    std::uint32_t best_cluster = kNone;
    std::vector<std::uint32_t> seen;
    for (const auto key : band_keys(f.sig)) {
        std::size_t scanned = 0;
        for (auto i = head_of(key); i != kNone && scanned < kMaxBucketScan; i = entries_[i].next) {
            const auto& e = entries_[i];
            if (e.key_low != static_cast<std::uint32_t>(key)) continue;
            ++scanned;
            if (std::find(seen.begin(), seen.end(), e.docid) != seen.end()) continue;
            seen.push_back(e.docid);
            const auto m = members_.find(e.docid);
            if (m == members_.end()) continue;  // removed since
            const double s = similarity(f.sig, m->second.f.sig);
            if (s > best) {
                best = s;
                best_cluster = m->second.cluster;
            }
        }
    }
    if (best_cluster != kNone && best >= threshold_) return cluster_keys_[best_cluster];
    if (const auto take = same_story(f)) return cluster_keys_[*take];
    return std::string(own_key);
}

std::optional<std::uint32_t> ClusterIndex::same_story(const Fingerprint& f) const {
    if (f.lead == 0) return std::nullopt;
    double best = kLeadContainment;
    std::optional<std::uint32_t> cluster;
    // Newest first, a bounded number: a headline and opening a site repeats on every page
    // should not make each page compare with all the others.
    std::size_t scanned = 0;
    for (auto i = head_of(f.lead); i != kNone && scanned < kMaxBucketScan; i = entries_[i].next) {
        const auto& e = entries_[i];
        if (e.key_low != static_cast<std::uint32_t>(f.lead)) continue;
        ++scanned;
        const auto m = members_.find(e.docid);
        if (m == members_.end() || m->second.f.lead != f.lead) continue;  // removed or replaced
        if (const double c = containment(f, m->second.f); c >= best) {
            best = c;
            cluster = m->second.cluster;
        }
    }
    return cluster;
}

void ClusterIndex::remove(std::uint32_t docid) {
    const auto it = members_.find(docid);
    if (it == members_.end()) return;
    if (cluster_sizes_[it->second.cluster]-- == 2) --multi_member_clusters_;
    members_.erase(it);
    // Band entries stay behind and are skipped on lookup; a re-added docid is checked again.
}

}  // namespace news::dedupe
