#pragma once
// Fast non-cryptographic 64-bit hashing shared by duplicate detection and change detection.
// Not for security: collisions only cost a needless re-index or a missed duplicate.

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

// Finaliser of splitmix64: spreads every input bit over the whole word.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// FNV-1a over bytes, one at a time: the word hashes of duplicate detection (minhash.cpp,
// lead_key.cpp) fold lower-cased words with it.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv1a_step(std::uint64_t h, unsigned char byte) {
    return (h ^ byte) * 0x100000001b3ULL;
}

// Streaming hash over bytes, eight at a time; feed() may be called with any split of the input
// and gives the same result as one call with all of it.
class Hasher64 {
  public:
    void feed(std::string_view bytes);
    std::uint64_t value() const;

  private:
    std::uint64_t state_ = 0x9e3779b97f4a7c15ULL;
    std::uint64_t pending_ = 0;
    unsigned pending_len_ = 0;
    std::uint64_t total_ = 0;
};

std::uint64_t hash64(std::string_view bytes);
std::string hex64(std::uint64_t v);  // 16 lower-case hex digits

}  // namespace news
