#include "core/search/highlight.hpp"

namespace news {
namespace {

const Xapian::Stem& english() {
    // One per thread: Xapian::Stem is reference-counted without atomics, so copies made from
    // a shared instance by concurrent searches corrupt the count (double free under load).
    thread_local const Xapian::Stem stem("english");
    return stem;
}

// Without the background model Xapian's generator costs a fraction of its default (the model
// reads term statistics for every word of the text). The exhaustive passage search stays: without
// it the generator settles on the first passage with any match, not the one with the most terms.
constexpr unsigned kFastFlags = Xapian::MSet::SNIPPET_EXHAUSTIVE;

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

std::string snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length) {
    if (mset.empty()) {
        // Nothing to centre on: the opening words, cut at a space so no character is split.
        if (text.size() <= length) return escape_html(text);
        const auto cut = text.rfind(' ', length);
        return escape_html(text.substr(0, cut == std::string_view::npos ? 0 : cut)) + "…";
    }
    return mset.snippet(std::string(text), length, english(), kFastFlags, std::string(kMarkOpen),
                        std::string(kMarkClose), "…");
}

std::string highlight_all(const Xapian::MSet& mset, std::string_view text) {
    if (mset.empty()) return escape_html(text);
    // A length beyond the text keeps all of it; the generator then only marks and escapes.
    std::string marked = mset.snippet(std::string(text), text.size() + 1, english(), kFastFlags,
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
