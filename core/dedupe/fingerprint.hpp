#pragma once
// What the indexer keeps of each article to find its duplicates (value slot kSlotSignature): the
// MinHash signature of its body, how many shingles that was over, and its lead key.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/dedupe/minhash.hpp"

namespace news::dedupe {

struct Fingerprint {
    Signature sig{};
    std::uint32_t shingles = 0;  // 0 only in values written before schema 6
    std::uint64_t lead = 0;      // lead_key (core/dedupe/lead_key.hpp); 0: none
};

// Of a normalised title and body (see normalize_for_index); nullopt when the body is too short
// for a signature.
std::optional<Fingerprint> fingerprint(std::string_view normalized_title,
                                       std::string_view normalized_body);

// Estimated share of the smaller article's shingles that the other holds too, from the Jaccard
// estimate J and both sizes: |A∩B| = J(|A| + |B|) / (1 + J). 0 without sizes.
double containment(const Fingerprint& a, const Fingerprint& b);

// Binary form: the signature (128 bytes, little-endian), then the shingle count (4) and the lead
// key (8). A value of 128 bytes alone (schema 5 and before) reads without either.
std::string encode(const Fingerprint& f);
std::optional<Fingerprint> decode(std::string_view bytes);

}  // namespace news::dedupe
