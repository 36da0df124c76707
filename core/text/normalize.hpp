#pragma once
// Search normalisation: rewrites text into the form that is indexed and queried, so that
// variants of the same word find each other. Shown text is never normalised; only the copy
// handed to Xapian's TermGenerator (index side) and QueryParser (query side) is.
//
// Rules (docs/index-schema.md, "Normalisation"):
//   - curly quotes -> straight, dashes -> '-', em dash / "--" -> " - ", NBSP -> space
//   - letters with diacritics -> ASCII ("café" -> "cafe", "Müller" -> "Muller"; core/text/fold.hpp)
//   - names of capitals joined by '&' -> joined ("AT&T" -> "ATT", "S&P" -> "SP", "R&D" -> "RD")
//   - "5.5mn", "5.5 mln" -> "5.5 million" (also bn/bln -> billion, tn/trn -> trillion)
//   - "40%", "40 per cent", "40 pct" -> "40 percent"
//   - "co-operation" -> "cooperation" (hyphenated co- prefix joined)
//   - dotted initialisms "U.S." / "U.K." -> "US" / "UK"
//   - British -> American spelling: -ise/-isation/-yse -> -ize/-ization/-yze, -our -> -or,
//     -tre/-bre -> -ter/-ber, -logue -> -log, -elled/-elling -> -eled/-eling, plus a word list
//     (config "spelling_variants", stored in the index metadata so both sides agree).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/flat_string_map.hpp"

namespace news {

// British form -> American form, lower case, whole words ("programme" -> "program").
using SpellingVariants = std::map<std::string, std::string, std::less<>>;

// The pure normalisation function; `variants` extends the general rules with whole words.
std::string normalize_for_index(std::string_view text, const SpellingVariants& variants = {});

// One word (ASCII letters only, any case) through the spelling rules; returns it lower-cased.
std::string americanize_word(std::string_view lower_word, const SpellingVariants& variants = {});

// americanize_word with its answers remembered, for one variants map (its own copy). An indexer
// meets the same words over and over, and the suffix rules cost about 1,000 instructions a
// word; a look-up costs a tenth. Same answers as americanize_word. Not thread-safe: one each.
class AmericanizeMemo {
  public:
    explicit AmericanizeMemo(SpellingVariants variants, std::size_t max_entries = 200'000);
    const std::string& operator()(const std::string& lower_word);
    const SpellingVariants& variants() const { return variants_; }

  private:
    SpellingVariants variants_;
    std::size_t max_entries_;  // the memo starts again from empty when full: bounded memory
    FlatStringMap<std::string> memo_;
};

// normalize_for_index(text, memo.variants()), the same text, with the memo's answers.
std::string normalize_for_index(std::string_view text, AmericanizeMemo& memo);

// The words of a normalised text (ASCII letters and digits; non-ASCII bytes count as letters),
// in order, lower-cased unless `keep_case`: what synonym matching and spelling data see.
std::vector<std::string> search_words(std::string_view normalized_text, bool keep_case = false);

// Serialised form for the index metadata ("brit=amer" lines) and back.
std::string serialize_variants(const SpellingVariants& variants);
SpellingVariants parse_variants(std::string_view text);

}  // namespace news
