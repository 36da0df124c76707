#pragma once
// Turns one cleaned article into the Xapian document the schema describes (terms, values,
// data), plus what the writer needs around it: the near-duplicate fingerprint, the content hash
// and the words for the spelling table. Pure apart from Xapian's in-memory objects: no database.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "core/dedupe/fingerprint.hpp"
#include "core/index/synonyms.hpp"
#include "core/index/term_generator.hpp"
#include "core/model/article.hpp"
#include "core/text/normalize.hpp"

namespace news {

struct BuiltDocument {
    Xapian::Document doc;  // everything except the cluster key (the writer adds it)
    std::string id_term;   // "Q" + id
    std::string hash;      // schema::versioned_hash of the article JSON (16 hex digits)
    std::optional<dedupe::Fingerprint> fingerprint;  // none for a body too short
    std::vector<std::string> spelling_words;         // words for the spelling table
};

// Lower-cased text of a boolean filter term value, cut to Xapian's term length limit.
std::string filter_value(std::string_view text);

class DocumentBuilder {
  public:
    DocumentBuilder(SpellingVariants variants, const std::vector<SynonymGroup>& synonyms);

    // `file_key` identifies the input file (XF term) for replace and prune.
    BuiltDocument build(const Article& article, std::string_view file_key);

    const SpellingVariants& variants() const { return normalize_.variants(); }

  private:
    AmericanizeMemo normalize_;  // the spelling variants, and the words seen with them
    SynonymMatcher synonyms_;
    TermGenerator generator_;
};

}  // namespace news
