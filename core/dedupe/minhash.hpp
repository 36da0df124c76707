#pragma once
// Near-duplicate signatures: MinHash over word 3-shingles of the search-normalised body.
// docs/index-schema.md ("Near-duplicates") explains the method and the threshold.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace news::dedupe {

inline constexpr std::size_t kNumHashes = 64;  // MinHash functions per signature
inline constexpr std::size_t kBands = 16;      // LSH bands ...
inline constexpr std::size_t kRows = 4;        // ... of this many hashes each
inline constexpr std::size_t kShingleWords = 3;
inline constexpr std::size_t kMinShingles = 8;  // shorter texts get no signature (never clustered)
static_assert(kBands * kRows == kNumHashes);

// Each minimum is folded to 16 bits: equal minima stay equal, unequal ones collide 1 in 65,536.
using Signature = std::array<std::uint16_t, kNumHashes>;

// Signature of a normalised text (see normalize_for_index), or nullopt when it is too short.
std::optional<Signature> minhash(std::string_view normalized_text);

// The signature and how many shingles it was taken over.
struct Sketch {
    Signature sig{};
    std::uint32_t shingles = 0;
};
std::optional<Sketch> sketch(std::string_view normalized_text);

// Estimated Jaccard similarity of the two shingle sets: the share of equal minima.
double similarity(const Signature& a, const Signature& b);

// One key per LSH band; two signatures sharing any band key are candidate duplicates.
std::array<std::uint64_t, kBands> band_keys(const Signature& s);

}  // namespace news::dedupe
