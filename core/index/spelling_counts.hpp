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

#include "core/text/flat_string_map.hpp"

namespace news {

class SpellingCounts {
  public:
    explicit SpellingCounts(Xapian::WritableDatabase& db) : db_(db) {}

    // One block's words and how often each occurred.
    void add(const FlatStringMap<Xapian::termcount>& words);

    // Adds the counts held back; the caller commits.
    void finish();

  private:
    Xapian::WritableDatabase& db_;
    FlatStringMap<Xapian::termcount> held_;  // every word added so far -> count not yet added
};

}  // namespace news
