#include "core/model/derived_title.hpp"

namespace news {

std::string derive_title(std::string_view paragraph) {
    std::size_t end = paragraph.size();
    for (std::size_t i = 0; i + 1 < paragraph.size(); ++i) {
        const char c = paragraph[i];
        if ((c == '.' || c == '!' || c == '?') && paragraph[i + 1] == ' ') {
            end = i + 1;
            break;
        }
    }
    std::string_view sentence = paragraph.substr(0, end);
    if (sentence.size() <= kDerivedTitleMax) return std::string(sentence);
    auto cut = sentence.rfind(' ', kDerivedTitleMax);
    if (cut == std::string_view::npos) {
        // No space to cut at: cut at the limit, but never inside a UTF-8 sequence (continuation
        // bytes are 10xxxxxx), or the title would be invalid UTF-8 that JSON cannot carry.
        cut = kDerivedTitleMax;
        while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string t(sentence.substr(0, cut));
    while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == ':')) t.pop_back();
    return t + "\xE2\x80\xA6";
}

}  // namespace news
