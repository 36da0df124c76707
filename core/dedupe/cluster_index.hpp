#pragma once
// In-memory LSH index of the signatures in the database, used while indexing to give each new
// article the cluster key of its nearest earlier duplicate. Loaded once per run from the
// signature value slot (one sequential pass), then updated as documents are written, so a
// run never compares an article with every other one.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dedupe/fingerprint.hpp"

namespace news::dedupe {

inline constexpr double kDefaultThreshold = 0.5;  // estimated Jaccard of the 3-shingle sets

class ClusterIndex {
  public:
    explicit ClusterIndex(double threshold = kDefaultThreshold) : threshold_(threshold) {}

    // Registers a document already in the index with its stored cluster key.
    void add(std::uint32_t docid, const Fingerprint& f, std::string_view cluster_key);

    // Cluster key for a new document: the key of the most similar live member at or above the
    // threshold, else that of the live member of the same lead key that holds, or is held in,
    // most of this one (at least kLeadContainment), else `own_key`. Does not register the document
    // (call add() once written).
    std::string assign(const Fingerprint& f, std::string_view own_key) const;

    // Forgets a document (deleted or about to be replaced).
    void remove(std::uint32_t docid);

    // Clusters with two or more live members.
    std::size_t duplicate_clusters() const { return multi_member_clusters_; }

    double threshold() const { return threshold_; }

  private:
    struct Member {
        Fingerprint f;
        std::uint32_t cluster;
    };
    struct BandEntry {
        std::uint32_t key_low;  // low half of the band key (collisions only add candidates)
        std::uint32_t docid;
        std::uint32_t next;  // index of the next entry in the same bucket, or kNone
    };
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    static constexpr std::size_t kMaxBucketScan = 64;  // newest entries checked per bucket

    std::uint32_t intern(std::string_view key);
    // The cluster of the live member of `f`'s lead key that holds, or is held in, most of it.
    std::optional<std::uint32_t> same_story(const Fingerprint& f) const;
    void insert_band(std::uint64_t band_key, std::uint32_t docid);
    void grow();
    std::uint32_t& head(std::uint64_t band_key);
    std::uint32_t head_of(std::uint64_t band_key) const;

    double threshold_;
    std::unordered_map<std::uint32_t, Member> members_;
    std::vector<std::string> cluster_keys_;
    std::vector<std::uint32_t> cluster_sizes_;
    std::unordered_map<std::string, std::uint32_t> cluster_ids_;
    std::size_t multi_member_clusters_ = 0;
    std::vector<BandEntry> entries_;
    std::vector<std::uint32_t> heads_;  // open hash: bucket -> first entry
};

}  // namespace news::dedupe
