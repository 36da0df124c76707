#include "core/search/spelling_policy.hpp"

#include <algorithm>
#include <vector>

#include "core/index/stopwords.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

struct Span {
    std::size_t begin;
    std::size_t end;
};

std::vector<Span> words(std::string_view text) {
    std::vector<Span> out;
    ascii::for_each_word(text, [&](std::size_t begin, std::size_t end) {
        out.push_back({begin, end});
    });
    return out;
}

std::string_view slice(std::string_view text, Span s) {
    return text.substr(s.begin, s.end - s.begin);
}

}  // namespace

std::size_t typo_budget(std::size_t length) {
    if (length < 4) return 0;
    return length < 7 ? 1 : 2;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the dynamic programme: two back is what a swap looks at.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[b.size()];
}

bool acceptable_correction(std::string_view typed, std::string_view suggested) {
    if (english_stopper()(std::string(suggested))) return false;
    return edit_distance(typed, suggested) <= typo_budget(typed.size());
}

std::string keep_acceptable_corrections(std::string_view typed, std::string_view corrected) {
    const auto before = words(typed);
    const auto after = words(corrected);
    if (before.size() != after.size()) return std::string(corrected);
    std::string out;
    std::size_t copied = 0;  // of `corrected`
    bool changed = false;
    for (std::size_t k = 0; k < after.size(); ++k) {
        const std::string was = ascii::lower(slice(typed, before[k]));
        const std::string_view now = slice(corrected, after[k]);
        out.append(corrected.substr(copied, after[k].begin - copied));
        copied = after[k].end;
        if (was == ascii::lower(now) || !acceptable_correction(was, ascii::lower(now))) {
            out.append(slice(typed, before[k]));
        } else {
            out.append(now);
            changed = true;
        }
    }
    out.append(corrected.substr(copied));
    return changed ? out : std::string();
}

}  // namespace news
