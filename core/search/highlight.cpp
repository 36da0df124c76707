#include "core/search/highlight.hpp"

namespace news {
namespace {

// Without the background model Xapian's generator costs a fraction of its default (the model
// reads term statistics for every word of the text). The exhaustive passage search stays: without
// it the generator settles on the first passage with any match, not the one with the most terms.
constexpr unsigned kFastFlags = Xapian::MSet::SNIPPET_EXHAUSTIVE;

constexpr std::string_view kEllipsis = "…";

std::string strip_marks(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        if (html.substr(i).starts_with(kMarkOpen)) {
            i += kMarkOpen.size();
        } else if (html.substr(i).starts_with(kMarkClose)) {
            i += kMarkClose.size();
        } else {
            out += html[i++];
        }
    }
    return out;
}

}  // namespace

const Xapian::Stem& english_stemmer() {
    thread_local const Xapian::Stem stem("english");
    return stem;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                    const Xapian::Stem& stemmer) {
    if (mset.empty()) {
        // Nothing to centre on: the opening words, cut at a space so no character is split.
        if (text.size() <= length) return escape_html(text);
        const auto cut = text.rfind(' ', length);
        return escape_html(text.substr(0, cut == std::string_view::npos ? 0 : cut)) +
               std::string(kEllipsis);
    }
    return mset.snippet(std::string(text), length, stemmer, kFastFlags, std::string(kMarkOpen),
                        std::string(kMarkClose), std::string(kEllipsis));
}

std::string snippet(const Xapian::MSet& mset, const Passage& passage, std::size_t length,
                    const Xapian::Stem& stemmer) {
    std::string out = snippet(mset, passage.text, length, stemmer);
    // The generator marks a cut only within the text it saw: a passage that does not begin
    // or end with the body is a cut too.
    if (out.empty()) return out;
    if (!passage.from_start && !out.starts_with(kEllipsis)) out.insert(0, kEllipsis);
    if (!passage.to_end && !out.ends_with(kEllipsis)) out += kEllipsis;
    return out;
}

std::string highlight_all(const Xapian::MSet& mset, std::string_view text,
                          const Xapian::Stem& stemmer) {
    if (mset.empty()) return escape_html(text);
    // A length beyond the text keeps all of it; the generator then only marks and escapes.
    std::string marked = mset.snippet(std::string(text), text.size() + 1, stemmer, kFastFlags,
                                      std::string(kMarkOpen), std::string(kMarkClose), "");
    // The generator ends at the last word: put back trailing punctuation it dropped ("…", "?").
    const std::string escaped = escape_html(text);
    const std::string plain = strip_marks(marked);
    if (plain.size() < escaped.size() && escaped.starts_with(plain)) {
        marked += escaped.substr(plain.size());
    }
    return marked;
}

}  // namespace news
