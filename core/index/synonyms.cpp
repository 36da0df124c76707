#include "core/index/synonyms.hpp"

#include "core/index/schema.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// "vehicles" and "vehicle" (and "EVs" and "EV") match each other.
std::string singular(std::string_view w) {
    if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's')
        return std::string(w.substr(0, w.size() - 1));
    return std::string(w);
}

using ascii::lower;

std::string join(const std::vector<std::string>& words, char sep) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += sep;
        out += w;
    }
    return out;
}

}  // namespace

std::vector<SynonymGroup> parse_synonyms(std::string_view text, const SpellingVariants& variants,
                                         std::vector<std::string>* errors) {
    std::vector<SynonymGroup> groups;
    std::size_t line_no = 0;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty()) continue;
        SynonymGroup group;
        while (!line.empty()) {
            const auto comma = line.find(',');
            const auto form = trim(line.substr(0, comma));
            line = comma == std::string_view::npos ? std::string_view{} : line.substr(comma + 1);
            const std::string normalized = normalize_for_index(form, variants);
            SynonymForm f{search_words(normalized), {}};
            if (f.words.size() == 1) f.exact = search_words(normalized, true).front();
            if (!f.words.empty()) group.forms.push_back(std::move(f));
        }
        if (group.forms.size() < 2) {
            if (errors)
                errors->push_back("line " + std::to_string(line_no) +
                                  ": a group needs at least two forms");
            continue;
        }
        group.name = join(group.forms.front().words, '_');
        groups.push_back(std::move(group));
    }
    return groups;
}

std::string concept_term(const SynonymGroup& group) {
    return std::string(schema::kSynonymConcept) + group.name;
}

std::vector<std::pair<std::string, std::string>> synonym_entries(
    const std::vector<SynonymGroup>& groups, const Xapian::Stem& stemmer) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& g : groups) {
        const std::string term = concept_term(g);
        for (const auto& f : g.forms) {
            const auto& form = f.words;
            if (form.size() == 1) {
                const std::string& w = form.front();
                out.emplace_back(w, term);
                std::string stemmed("Z");  // (not "Z" + ...: GCC 12 warns falsely on it)
                stemmed += stemmer(w);
                out.emplace_back(std::move(stemmed), term);
                continue;
            }
            out.emplace_back(join(form, ' '), term);
            auto plural = form;
            if (plural.back().back() != 's') {
                plural.back() += 's';
                out.emplace_back(join(plural, ' '), term);
            }
        }
    }
    return out;
}

namespace {

constexpr std::size_t kShapeLengths = 64;  // longer keys and words skip the quick test

std::size_t shape(unsigned char first, std::size_t length) {
    return first * kShapeLengths + length;
}

}  // namespace

SynonymMatcher::SynonymMatcher(const std::vector<SynonymGroup>& groups)
    : key_shapes_(256 * kShapeLengths, false) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
        concept_terms_.push_back(concept_term(groups[g]));
        for (const auto& form : groups[g].forms) {
            Form f{{}, form.exact, g};
            for (const auto& w : form.words) f.words.push_back(singular(w));
            by_first_word_[f.words.front()].push_back(std::move(f));
        }
    }
    for (const auto& [key, forms] : by_first_word_) {
        if (key.empty() || key.size() >= kShapeLengths) {
            shapes_cover_keys_ = false;
        } else {
            key_shapes_[shape(static_cast<unsigned char>(key.front()), key.size())] = true;
        }
    }
}

// False only when the word's folded form (lower-case, maybe without a final 's') cannot be a
// key: its first letter with its length, or its length less one, is no key's.
bool SynonymMatcher::may_start(const std::string& word) const {
    if (!shapes_cover_keys_ || word.empty() || word.size() >= kShapeLengths) return true;
    const auto first = static_cast<unsigned char>(ascii::to_lower(word.front()));
    return key_shapes_[shape(first, word.size())] || key_shapes_[shape(first, word.size() - 1)];
}

std::map<std::string, Xapian::termcount> SynonymMatcher::match(
    const std::vector<std::string>& words) const {
    std::map<std::string, Xapian::termcount> found;
    if (by_first_word_.empty()) return found;
    // Lower-case singular forms, made once per word and only for words that may start a form
    // and the words after them.
    std::vector<std::string> folded(words.size());
    std::vector<bool> made(words.size(), false);
    const auto fold = [&](std::size_t k) -> const std::string& {
        if (!made[k]) {
            folded[k] = singular(lower(words[k]));
            made[k] = true;
        }
        return folded[k];
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!may_start(words[i])) continue;
        const auto it = by_first_word_.find(fold(i));
        if (it == by_first_word_.end()) continue;
        for (const auto& form : it->second) {
            if (!form.exact.empty()) {
                if (words[i] == form.exact || words[i] == form.exact + "s")
                    ++found[concept_terms_[form.group]];
                continue;
            }
            if (i + form.words.size() > words.size()) continue;
            bool all = true;
            for (std::size_t k = 1; k < form.words.size() && all; ++k) {
                all = fold(i + k) == form.words[k];
            }
            if (all) ++found[concept_terms_[form.group]];
        }
    }
    return found;
}

}  // namespace news
