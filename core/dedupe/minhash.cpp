#include "core/dedupe/minhash.hpp"

#include <algorithm>
#include <limits>

#include "core/dedupe/hash.hpp"
#include "core/text/ascii.hpp"

namespace news::dedupe {
namespace {

// Odd multipliers and offsets of the hash family h_i(x) = a_i * x + b_i (mod 2^64), fixed so
// that signatures stay comparable across runs and builds.
struct Family {
    std::array<std::uint64_t, kNumHashes> a{};
    std::array<std::uint64_t, kNumHashes> b{};
};

constexpr Family make_family() {
    Family f;
    std::uint64_t seed = 0x6a09e667f3bcc909ULL;
    for (std::size_t i = 0; i < kNumHashes; ++i) {
        seed += 0x9e3779b97f4a7c15ULL;
        f.a[i] = mix64(seed) | 1;
        seed += 0x9e3779b97f4a7c15ULL;
        f.b[i] = mix64(seed);
    }
    return f;
}

constexpr Family kFamily = make_family();

// Hash of one lower-cased word (FNV-1a), folded through mix64.
std::uint64_t word_hash(std::string_view text, std::size_t begin, std::size_t end) {
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = begin; i < end; ++i) {
        h = fnv1a_step(h, static_cast<unsigned char>(ascii::to_lower(text[i])));
    }
    return mix64(h);
}

using Minima = std::array<std::uint64_t, kNumHashes>;

// Lowers each hash function's running minimum to its value for `shingle`: minhash's inner loop,
// run for every word of every article (about a twentieth of a fresh build's instructions).
[[gnu::always_inline]] inline void lower_minima(Minima& mins, std::uint64_t shingle) {
    for (std::size_t k = 0; k < kNumHashes; ++k) {
        mins[k] = std::min(mins[k], kFamily.a[k] * shingle + kFamily.b[k]);
    }
}

void lower_minima_portable(Minima& mins, std::uint64_t shingle) {
    lower_minima(mins, shingle);
}

// The same loop where the CPU multiplies 64-bit lanes (AVX-512 DQ): four hash functions an
// instruction instead of one. 256-bit registers (VL), not 512, so the core keeps its clock
// (clang, used only for the fuzz builds, rejects that option here and may use 512 bits).
// Same arithmetic modulo 2^64, so the same minima bit for bit.
#if defined(__clang__)
#define NEWS_AVX512_TARGET "avx512f,avx512dq,avx512vl"
#else
#define NEWS_AVX512_TARGET "avx512f,avx512dq,avx512vl,prefer-vector-width=256"
#endif
[[gnu::target(NEWS_AVX512_TARGET)]] void lower_minima_avx512(Minima& mins, std::uint64_t shingle) {
    lower_minima(mins, shingle);
}

using LowerMinima = void (*)(Minima&, std::uint64_t);

LowerMinima pick_lower_minima() {
    __builtin_cpu_init();
    const bool avx512 = __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
    return avx512 ? lower_minima_avx512 : lower_minima_portable;
}

std::uint16_t fold(std::uint64_t v) {
    return static_cast<std::uint16_t>(v ^ (v >> 16) ^ (v >> 32) ^ (v >> 48));
}

}  // namespace

std::optional<Sketch> sketch(std::string_view text) {
    static const LowerMinima lower_to = pick_lower_minima();
    Minima mins;
    mins.fill(std::numeric_limits<std::uint64_t>::max());
    std::array<std::uint64_t, kShingleWords> window{};
    std::size_t words = 0;
    ascii::for_each_word(text, [&](std::size_t begin, std::size_t end) {
        window[words % kShingleWords] = word_hash(text, begin, end);
        if (++words < kShingleWords) return;
        // Order-sensitive combination of the last three words.
        const std::uint64_t w0 = window[(words - 3) % kShingleWords];
        const std::uint64_t w1 = window[(words - 2) % kShingleWords];
        const std::uint64_t w2 = window[(words - 1) % kShingleWords];
        const std::uint64_t shingle = mix64(w0 ^ (w1 * 0x9e3779b97f4a7c15ULL) ^
                                            ((w2 << 17 | w2 >> 47) * 0xc2b2ae3d27d4eb4fULL));
        lower_to(mins, shingle);
    });
    if (words < kShingleWords + kMinShingles - 1) return std::nullopt;
    Sketch out;
    for (std::size_t k = 0; k < kNumHashes; ++k) out.sig[k] = fold(mins[k]);
    out.shingles = static_cast<std::uint32_t>(words - (kShingleWords - 1));
    return out;
}

std::optional<Signature> minhash(std::string_view text) {
    const auto s = sketch(text);
    if (!s) return std::nullopt;
    return s->sig;
}

double similarity(const Signature& a, const Signature& b) {
    std::size_t equal = 0;
    for (std::size_t k = 0; k < kNumHashes; ++k) equal += a[k] == b[k] ? 1 : 0;
    return static_cast<double>(equal) / static_cast<double>(kNumHashes);
}

std::array<std::uint64_t, kBands> band_keys(const Signature& s) {
    std::array<std::uint64_t, kBands> keys{};
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t v = band;
        for (std::size_t r = 0; r < kRows; ++r) v = (v << 16) ^ s[band * kRows + r];
        keys[band] = mix64(v ^ (static_cast<std::uint64_t>(band) << 56));
    }
    return keys;
}

}  // namespace news::dedupe
