#include "core/index/spelling_counts.hpp"

namespace news {

void SpellingCounts::add(const FlatStringMap<Xapian::termcount>& words) {
    for (const auto& [word, count] : words.entries()) {
        auto [held, is_new] = held_.try_emplace(word);
        if (is_new) {
            db_.add_spelling(word, count);
        } else {
            *held += count;
        }
    }
}

void SpellingCounts::finish() {
    for (auto& [word, count] : held_.entries()) {
        if (count != 0) db_.add_spelling(word, count);
    }
    held_.clear();
}

}  // namespace news
