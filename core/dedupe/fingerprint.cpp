#include "core/dedupe/fingerprint.hpp"

#include <algorithm>

#include "core/dedupe/lead_key.hpp"

namespace news::dedupe {
namespace {

constexpr std::size_t kSignatureBytes = kNumHashes * 2;
constexpr std::size_t kFullBytes = kSignatureBytes + 4 + 8;

void put(std::string& out, std::uint64_t v, std::size_t bytes) {
    for (std::size_t k = 0; k < bytes; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::uint64_t get(std::string_view in, std::size_t at, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < bytes; ++k) {
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + k])) << (8 * k);
    }
    return v;
}

}  // namespace

std::optional<Fingerprint> fingerprint(std::string_view normalized_title,
                                       std::string_view normalized_body) {
    const auto s = sketch(normalized_body);
    if (!s) return std::nullopt;
    return Fingerprint{s->sig, s->shingles, lead_key(normalized_title, normalized_body)};
}

double containment(const Fingerprint& a, const Fingerprint& b) {
    const auto smaller = std::min(a.shingles, b.shingles);
    if (smaller == 0) return 0.0;
    const double j = similarity(a.sig, b.sig);
    const double shared = j * (static_cast<double>(a.shingles) + b.shingles) / (1.0 + j);
    return std::min(1.0, shared / smaller);
}

std::string encode(const Fingerprint& f) {
    std::string out;
    out.reserve(kFullBytes);
    for (const auto v : f.sig) put(out, v, 2);
    put(out, f.shingles, 4);
    put(out, f.lead, 8);
    return out;
}

std::optional<Fingerprint> decode(std::string_view bytes) {
    if (bytes.size() != kSignatureBytes && bytes.size() != kFullBytes) return std::nullopt;
    Fingerprint f;
    for (std::size_t k = 0; k < kNumHashes; ++k) {
        f.sig[k] = static_cast<std::uint16_t>(get(bytes, 2 * k, 2));
    }
    if (bytes.size() == kFullBytes) {
        f.shingles = static_cast<std::uint32_t>(get(bytes, kSignatureBytes, 4));
        f.lead = get(bytes, kSignatureBytes + 4, 8);
    }
    return f;
}

}  // namespace news::dedupe
