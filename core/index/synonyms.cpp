#include "core/index/synonyms.hpp"

#include "core/index/schema.hpp"

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

std::string lower_ascii(std::string_view w) {
    std::string out(w);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

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

SynonymMatcher::SynonymMatcher(const std::vector<SynonymGroup>& groups) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
        concept_terms_.push_back(concept_term(groups[g]));
        for (const auto& form : groups[g].forms) {
            Form f{{}, form.exact, g};
            for (const auto& w : form.words) f.words.push_back(singular(w));
            by_first_word_[f.words.front()].push_back(std::move(f));
        }
    }
}

std::map<std::string, Xapian::termcount> SynonymMatcher::match(
    const std::vector<std::string>& words) const {
    std::map<std::string, Xapian::termcount> found;
    if (by_first_word_.empty()) return found;
    std::vector<std::string> folded;  // lower-case singular, computed once per word
    folded.reserve(words.size());
    for (const auto& w : words) folded.push_back(singular(lower_ascii(w)));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto it = by_first_word_.find(folded[i]);
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
                all = folded[i + k] == form.words[k];
            }
            if (all) ++found[concept_terms_[form.group]];
        }
    }
    return found;
}

}  // namespace news
