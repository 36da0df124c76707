#include "core/search/expansion_terms.hpp"

#include <algorithm>
#include <vector>

#include "core/index/stopwords.hpp"
#include "core/text/ascii.hpp"

namespace news {

bool ExpansionWords::operator()(const std::string& term) const {
    if (term.size() < 3 || term[0] != 'Z') return false;
    const bool title = term[1] == 'S';
    if (title && !take_.titles) return false;
    const std::size_t at = title ? 2 : 1;
    const char c = term[at];
    if (term.size() <= at + 1 || ascii::is_digit(c) || ascii::is_upper(c)) return false;
    const std::string_view stem = std::string_view(term).substr(at);
    if (!take_.stop_words && english_stopper()(std::string(stem))) return false;
    return written(stem);
}

// Whether a word of the text stems to `stem`. The vocabulary holds words of 2 to 30 letters a-z
// (core/index/document_builder.cpp); others are taken on trust. A stem differs from its word at
// most in its last letter ("happi" from "happy").
bool ExpansionWords::written(std::string_view stem) const {
    const bool listed = stem.size() >= 2 && stem.size() <= 30 &&
                        std::all_of(stem.begin(), stem.end(), ascii::is_lower);
    if (!listed) return true;
    return vocabulary_.has_prefix(stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem);
}

Xapian::Query weighted_terms(const Xapian::ESet& eset) {
    if (eset.empty()) return {};
    const double best = eset.begin().get_weight();
    if (!(best > 0)) return {};
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end() && it.get_weight() > 0; ++it) {
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                           it.get_weight() / best);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace news
