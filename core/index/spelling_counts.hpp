#pragma once
// Puts the word counts of a whole run into a database's spelling table with as few calls to
// Xapian as the final table allows: add_spelling(word, n) twice makes the same table as once
// with the sum, but each call costs a look-up of the word (in the B-tree once it has been
// committed) and each commit rewrites the entry of every word changed since the last one.
//
// A word is added the first time a block brings it (a new word is the expensive part: Xapian
// files it under each of its letter fragments, which is best spread over the run), and what
// later blocks bring is summed in memory and added once, by finish(). Before, every block's
// every word went to Xapian: about 10,000 calls a block on the bench corpus, nearly all for
// words the table already had (all of them from the second copy of the 10x corpus on).

#include <xapian.h>

#include <cstddef>

#include "core/text/flat_string_map.hpp"

namespace news {

// When to commit: Xapian keeps a new word's fragments in memory until the next commit, and
// after a commit every look-up of a word (each new word's, and finish()'s for each held count)
// reads the table's B-tree, a system call per block. Committing after every eight blocks made
// 51,000 reads on a 1x bench build (half the build's reads and writes; finish() runs at the end,
// on the run's critical path). Committing once this many new words wait makes none on a corpus
// with fewer distinct words (the bench's has 55,000, held to the end for 10-15 MB more peak
// RSS; 4% more articles/s, alternating builds) and still bounds the memory of a larger one.
inline constexpr std::size_t kSpellingWordsPerCommit = 100'000;

class SpellingCounts {
  public:
    explicit SpellingCounts(Xapian::WritableDatabase& db,
                            std::size_t words_per_commit = kSpellingWordsPerCommit)
        : db_(db), words_per_commit_(words_per_commit) {}

    // One block's words and how often each occurred.
    void add(const FlatStringMap<Xapian::termcount>& words);

    // Whether enough new words wait in Xapian's memory for the caller to commit now; tell
    // committed() when it has.
    bool commit_due() const { return held_.size() - words_at_commit_ >= words_per_commit_; }
    void committed() { words_at_commit_ = held_.size(); }

    // Adds the counts held back; the caller commits.
    void finish();

  private:
    Xapian::WritableDatabase& db_;
    std::size_t words_per_commit_;
    std::size_t words_at_commit_ = 0;
    FlatStringMap<Xapian::termcount> held_;  // every word added so far -> count not yet added
};

}  // namespace news
