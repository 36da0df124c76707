#include "core/dedupe/hash.hpp"

#include <cstring>

namespace news {

void Hasher64::feed(std::string_view bytes) {
    total_ += bytes.size();
    std::size_t i = 0;
    // Fast path: whole words straight from the input while nothing is pending.
    if (pending_len_ == 0) {
        for (; i + 8 <= bytes.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            state_ = mix64(state_ ^ word) + 0x9e3779b97f4a7c15ULL;
        }
    }
    for (const char c : bytes.substr(i)) {
        pending_ |= static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << (8 * pending_len_);
        if (++pending_len_ == 8) {
            state_ = mix64(state_ ^ pending_) + 0x9e3779b97f4a7c15ULL;
            pending_ = 0;
            pending_len_ = 0;
        }
    }
}

std::uint64_t Hasher64::value() const {
    return mix64(state_ ^ pending_ ^ (total_ << 3));
}

std::uint64_t hash64(std::string_view bytes) {
    Hasher64 h;
    h.feed(bytes);
    return h.value();
}

std::string hex64(std::uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
        v >>= 4;
    }
    return out;
}

}  // namespace news
