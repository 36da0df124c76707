#include "core/dedupe/lead_key.hpp"

#include <limits>

#include "core/dedupe/hash.hpp"
#include "core/text/ascii.hpp"

namespace news::dedupe {
namespace {

// Folds each word's lower-cased bytes into `h`, at most `limit` words; stops reading there.
std::uint64_t fold_words(std::uint64_t h, std::string_view text, std::size_t limit) {
    std::size_t words = 0;
    for (std::size_t i = 0; i < text.size() && words < limit;) {
        if (!ascii::is_word_byte(text[i])) {
            ++i;
            continue;
        }
        for (; i < text.size() && ascii::is_word_byte(text[i]); ++i) {
            h = fnv1a_step(h, static_cast<unsigned char>(ascii::to_lower(text[i])));
        }
        h = fnv1a_step(h, ' ');  // word boundary: "ab c" is not "a bc"
        ++words;
    }
    return h;
}

}  // namespace

std::uint64_t lead_key(std::string_view normalized_title, std::string_view normalized_body) {
    std::uint64_t h =
        fold_words(kFnvOffset, normalized_title, std::numeric_limits<std::size_t>::max());
    h = fnv1a_step(h, '\n');  // title/body boundary
    h = mix64(fold_words(h, normalized_body, kLeadWords));
    return h == 0 ? 1 : h;
}

}  // namespace news::dedupe
