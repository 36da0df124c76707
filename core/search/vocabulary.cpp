#include "core/search/vocabulary.hpp"

#include <algorithm>

namespace news {

Vocabulary::Vocabulary(const Xapian::Database& db) {
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        words_.push_back({*it, static_cast<std::uint32_t>(it.get_termfreq())});
    }
    // The spelling table iterates in byte order already; sort defensively for lower_bound.
    std::sort(words_.begin(), words_.end(),
              [](const Word& a, const Word& b) { return a.text < b.text; });
}

Vocabulary::Vocabulary(std::vector<std::string> words) {
    for (auto& w : words) words_.push_back({std::move(w), 1});
    std::sort(words_.begin(), words_.end(),
              [](const Word& a, const Word& b) { return a.text < b.text; });
}

bool Vocabulary::has_prefix(std::string_view prefix) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                                     [](const Word& w, std::string_view p) { return w.text < p; });
    return it != words_.end() && std::string_view(it->text).starts_with(prefix);
}

std::vector<std::string> Vocabulary::expand(std::string_view prefix, std::size_t limit,
                                            std::size_t* total) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                               [](const Word& w, std::string_view p) { return w.text < p; });
    std::vector<const Word*> found;
    for (; it != words_.end() && std::string_view(it->text).starts_with(prefix); ++it) {
        found.push_back(&*it);
    }
    if (total) *total = found.size();
    std::stable_sort(found.begin(), found.end(),
                     [](const Word* a, const Word* b) { return a->freq > b->freq; });
    if (found.size() > limit) found.resize(limit);
    std::vector<std::string> out;
    out.reserve(found.size());
    for (const Word* w : found) out.push_back(w->text);
    return out;
}

}  // namespace news
