#include "core/text/fold.hpp"

#include <array>

namespace news {
namespace {

constexpr char32_t kTableStart = 0xC0;
// U+00C0..U+017F; "" where the code point is not a letter with a diacritic (×, ÷).
constexpr std::array<std::string_view, 0x180 - 0xC0> kLatin = {
    "A", "A", "A",  "A",  "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",   // U+00C0
    "D", "N", "O",  "O",  "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "ss",  // U+00D0
    "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00E0
    "d", "n", "o",  "o",  "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    "A", "a", "A",  "a",  "A", "a", "C",  "c", "C", "c", "C", "c", "C", "c", "D",  "d",   // U+0100
    "D", "d", "E",  "e",  "E", "e", "E",  "e", "E", "e", "E", "e", "G", "g", "G",  "g",   // U+0110
    "G", "g", "G",  "g",  "H", "h", "H",  "h", "I", "i", "I", "i", "I", "i", "I",  "i",   // U+0120
    "I", "i", "IJ", "ij", "J", "j", "K",  "k", "k", "L", "l", "L", "l", "L", "l",  "L",   // U+0130
    "l", "L", "l",  "N",  "n", "N", "n",  "N", "n", "n", "N", "n", "O", "o", "O",  "o",   // U+0140
    "O", "o", "OE", "oe", "R", "r", "R",  "r", "R", "r", "S", "s", "S", "s", "S",  "s",   // U+0150
    "S", "s", "T",  "t",  "T", "t", "T",  "t", "U", "u", "U", "u", "U", "u", "U",  "u",   // U+0160
    "U", "u", "U",  "u",  "W", "w", "Y",  "y", "Y", "Z", "z", "Z", "z", "Z", "z",  "s",   // U+0170
};

}  // namespace

std::optional<std::string_view> fold_diacritic(char32_t cp) {
    if (cp >= kTableStart && cp < kTableStart + kLatin.size()) {
        const std::string_view f = kLatin[cp - kTableStart];
        if (f.empty()) return std::nullopt;
        return f;
    }
    if (cp >= 0x0300 && cp <= 0x036F) return std::string_view();  // combining marks
    switch (cp) {
        case 0x0218:  // Ș
            return "S";
        case 0x0219:
            return "s";
        case 0x021A:  // Ț
            return "T";
        case 0x021B:
            return "t";
        default:
            return std::nullopt;
    }
}

}  // namespace news
