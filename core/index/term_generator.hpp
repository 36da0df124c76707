#pragma once
// The indexer's term generator: the terms and positions Xapian::TermGenerator makes with the
// schema's settings (English stemmer, STEM_ALL_Z, default maximum word length), written into
// a Xapian::Document in one pass over the text.
//
// Why not Xapian::TermGenerator itself: per word it decodes UTF-8, looks each character up in
// the Unicode tables, builds the word, calls the stemmer through a virtual call that returns a
// fresh string, then concatenates "Z" + prefix + stem into another one; that was a sixth of a
// fresh build's instructions (callgrind, first 3,000 articles of the bench corpus). Here text
// that is all ASCII (97% of the bench corpus's articles) is split with a 128-entry table taken
// from Xapian's own Unicode classification, and each word maps to its finished term through
// a memo, so stemming and concatenation happen once per distinct word. Text with any other
// byte goes to a Xapian::TermGenerator with the same settings: its Unicode rules (and CJK) are
// not repeated here. Either way the document gets the same terms, wdf and positions
// (tests/unit/term_generator_test.cpp compares both on tricky and random text).
//
// Not thread-safe: one per DocumentBuilder, one builder per thread.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/text/flat_string_map.hpp"

namespace news {

class TermGenerator {
  public:
    // `max_memo` bounds each prefix's word -> term memo (it starts again from empty when full).
    explicit TermGenerator(Xapian::Stem stemmer, std::size_t max_memo = 200'000);

    // Starts a document: positions count from 0 again. The document must outlive the calls
    // of index_text until the next set_document.
    void set_document(Xapian::Document& doc);
    // Forgets the document (Xapian's reference counts are not atomic: the document goes on to
    // another thread).
    void clear_document();

    // As Xapian::TermGenerator::index_text(text, wdf_inc, prefix): each word becomes
    // "Z" + prefix + stem at the next position, with `wdf_inc` added to its wdf.
    void index_text(std::string_view text, Xapian::termcount wdf_inc = 1,
                    std::string_view prefix = {});

    // The term `lower_word` (lower-case ASCII) makes, added with no position: for a form the
    // text does not spell out as one word ("startup" for "start-up", core/text/compounds.hpp),
    // which a one-word query finds but a phrase does not.
    void add_unpositioned(const std::string& lower_word, Xapian::termcount wdf_inc = 1,
                          std::string_view prefix = {});

    void increase_termpos(Xapian::termpos delta) { termpos_ += delta; }
    Xapian::termpos get_termpos() const { return termpos_; }

  private:
    struct PrefixMemo {
        std::string prefix;
        FlatStringMap<std::string> terms;  // lower-cased word -> "Z" + prefix + stem ("" = none)
    };

    void index_ascii(std::string_view text, Xapian::termcount wdf_inc, PrefixMemo& memo);
    void index_with_xapian(std::string_view text, Xapian::termcount wdf_inc,
                           std::string_view prefix);
    void add_word(const std::string& word, Xapian::termcount wdf_inc, PrefixMemo& memo);
    const std::string& term_for(const std::string& word, PrefixMemo& memo);
    PrefixMemo& memo_for(std::string_view prefix);

    Xapian::Stem stemmer_;
    std::size_t max_memo_;
    std::vector<PrefixMemo> memos_;  // a handful of prefixes: a linear search is fine
    Xapian::TermGenerator fallback_;
    Xapian::Document* doc_ = nullptr;
    Xapian::termpos termpos_ = 0;
    std::string word_;  // the word being read (kept for its capacity)
};

}  // namespace news
