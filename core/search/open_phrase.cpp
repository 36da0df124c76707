#include "core/search/open_phrase.hpp"

#include "core/text/ascii.hpp"

namespace news {

std::optional<OpenPhrase> open_phrase(std::string_view text) {
    std::size_t quote = std::string_view::npos;
    bool open = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        open = !open;
        if (open) quote = i;
    }
    if (!open || !ascii::is_word_byte(text.back())) return std::nullopt;
    std::size_t last = text.size();
    while (last > quote + 1 && ascii::is_word_byte(text[last - 1])) --last;
    OpenPhrase p;
    std::size_t start = quote;
    if (quote > 0 && text[quote - 1] == ':') {
        std::size_t f = quote - 1;
        while (f > 0 && ascii::is_word_byte(text[f - 1])) --f;
        if (f < quote - 1) {
            p.field = std::string(text.substr(f, quote - 1 - f));
            start = f;
        }
    }
    p.before = std::string(text.substr(0, start));
    p.words = std::string(text.substr(quote + 1, last - quote - 1));
    p.last = std::string(text.substr(last));
    return p;
}

}  // namespace news
