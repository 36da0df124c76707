#pragma once
// The words of the index (its spelling table), sorted, for prefix expansion of `foxc*` and of
// the last word of a search-as-you-type query. The index stores stemmed terms only, so Xapian's
// own wildcard expansion (which matches raw terms) cannot see whole words; the spelling table
// holds them unstemmed with their frequencies.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace news {

class Vocabulary {
  public:
    Vocabulary() = default;
    explicit Vocabulary(const Xapian::Database& db);
    // These words, each with frequency 1 (tests).
    explicit Vocabulary(std::vector<std::string> words);

    // Up to `limit` words starting with `prefix` (lower-case), most frequent first.
    // `total` receives how many words matched before the cut.
    std::vector<std::string> expand(std::string_view prefix, std::size_t limit,
                                    std::size_t* total = nullptr) const;
    // Whether any word starts with `prefix` (lower-case).
    bool has_prefix(std::string_view prefix) const;
    std::size_t size() const { return words_.size(); }

  private:
    struct Word {
        std::string text;
        std::uint32_t freq;
    };
    std::vector<Word> words_;  // sorted by text
};

}  // namespace news
