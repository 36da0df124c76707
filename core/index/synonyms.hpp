#pragma once
// Synonym groups for common news abbreviations (config/synonyms.txt).
//
// Each group gets a concept term "XY<name>". At index time a document containing any form of a
// group (one word or several in a row) also gets the concept term; the synonym table maps every
// form, as Xapian::QueryParser looks it up, to that concept term. So "EV" finds a text that
// only says "electric vehicle" and the reverse. See docs/index-schema.md ("Synonyms").

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/normalize.hpp"

namespace news {

struct SynonymForm {
    std::vector<std::string> words;  // normalised, lower-case
    std::string exact;               // one-word forms: the word as written (matched case-exactly)
};

struct SynonymGroup {
    std::string name;  // first form, normalised lower-case words joined by '_'
    std::vector<SynonymForm> forms;
};

// Parses the config file format: one group per line, forms separated by commas, '#' comments.
// Errors (a line with one form) are returned in `errors` with their line number.
std::vector<SynonymGroup> parse_synonyms(std::string_view text, const SpellingVariants& variants,
                                         std::vector<std::string>* errors = nullptr);

// The concept term of a group.
std::string concept_term(const SynonymGroup& group);

// The (key, value) pairs for WritableDatabase::add_synonym: for a one-word form its unstemmed
// term and its "Z"-stemmed term, for a multi-word form the space-joined words (what
// FLAG_AUTO_MULTIWORD_SYNONYMS looks up), each also with a plural "s" on the last word.
std::vector<std::pair<std::string, std::string>> synonym_entries(
    const std::vector<SynonymGroup>& groups, const Xapian::Stem& stemmer);

// Finds group forms in a document's word sequence (search_words of normalised text).
class SynonymMatcher {
  public:
    explicit SynonymMatcher(const std::vector<SynonymGroup>& groups);
    // Concept term -> occurrences; `words` as written (search_words with keep_case).
    std::map<std::string, Xapian::termcount> match(const std::vector<std::string>& words) const;

  private:
    struct Form {
        std::vector<std::string> words;  // lower-case singular forms
        std::string exact;               // non-empty: the one word, case as written
        std::size_t group;
    };
    std::unordered_map<std::string, std::vector<Form>> by_first_word_;
    std::vector<std::string> concept_terms_;
    // (first letter, length) of every key of by_first_word_: most words of a text start no
    // form, and this tells so without folding the word and hashing it.
    std::vector<bool> key_shapes_;
    bool shapes_cover_keys_ = true;  // false: a key too long (or empty) for the table
    bool may_start(const std::string& word) const;
};

}  // namespace news
