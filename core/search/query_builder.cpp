#include "core/search/query_builder.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/index/document_builder.hpp"
#include "core/index/schema.hpp"
#include "core/index/stopwords.hpp"
#include "core/model/published_date.hpp"
#include "core/search/api_error.hpp"
#include "core/search/dangling_operator.hpp"
#include "core/search/open_phrase.hpp"
#include "core/search/query_errors.hpp"
#include "core/search/spelling_policy.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

// Where the query item starting at `i` (a word, field:word, "phrase" or (group)) ends: at the
// first space outside quotes and parentheses.
std::size_t item_end(std::string_view text, std::size_t i) {
    bool quoted = false;
    int depth = 0;
    for (; i < text.size() && (quoted || depth > 0 || !ascii::is_space(text[i])); ++i) {
        if (text[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && text[i] == '(') {
            ++depth;
        } else if (!quoted && text[i] == ')' && depth > 0) {
            --depth;
        }
    }
    return i;
}

// "(title:foxconn OR title:foxcatcher)" for field "title:" and the expanded words.
std::string or_group(std::string_view field, const std::vector<std::string>& words,
                     std::string_view fallback) {
    if (words.empty()) return std::string(field) + std::string(fallback);
    if (words.size() == 1) return std::string(field) + words.front();
    std::string out = "(";
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += " OR ";
        out += field;
        out += words[i];
    }
    return out + ")";
}

// Up to `limit` words of the index starting with `word` (any case), most frequent first; sets
// `capped` when more matched.
std::vector<std::string> prefix_words(const Vocabulary& vocabulary, std::string_view word,
                                      std::size_t limit, bool* capped) {
    std::size_t total = 0;
    auto words = vocabulary.expand(ascii::lower(word), limit, &total);
    if (total > limit && capped) *capped = true;
    return words;
}

// The fields a query may name ("title:x") and the term prefix each stands for.
struct QueryField {
    std::string_view name;
    std::string_view prefix;
};
constexpr std::array<QueryField, 3> kQueryFields = {
    {{"title", schema::kTitle}, {"source", schema::kSource}, {"author", schema::kAuthor}}};

Xapian::QueryParser make_parser(const QueryContext& ctx) {
    Xapian::QueryParser qp;
    qp.set_database(ctx.db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    qp.set_stopper(&english_stopper());
    for (const auto& f : kQueryFields) qp.add_prefix(std::string(f.name), std::string(f.prefix));
    return qp;
}

}  // namespace

std::string expand_prefixes(std::string_view text, bool partial, const Vocabulary& vocabulary,
                            std::size_t limit, bool* capped) {
    std::string out;
    std::size_t i = 0;
    bool in_phrase = false;
    // The limit bounds the whole query, not each wildcard: a query of hundreds of "a* b* ..."
    // would otherwise become hundreds of times the limit in terms and take minutes. Wildcards
    // past the budget are searched as the plain word.
    std::size_t budget = limit;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') in_phrase = !in_phrase;
        if (!ascii::is_word_byte(c) || in_phrase) {
            out += c;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && ascii::is_word_byte(text[j])) ++j;
        std::string_view word = text.substr(i, j - i);
        // A field name ("title:") stays with the word that follows it.
        std::string field;
        if (j < text.size() && text[j] == ':' && j + 1 < text.size() &&
            ascii::is_word_byte(text[j + 1])) {
            field = std::string(word) + ":";
            i = j + 1;
            j = i;
            while (j < text.size() && ascii::is_word_byte(text[j])) ++j;
            word = text.substr(i, j - i);
        }
        const bool star = j < text.size() && text[j] == '*';
        const bool last = j == text.size();
        if (star || (partial && last)) {
            const auto words = prefix_words(vocabulary, word, budget, capped);
            budget -= words.size();
            out += or_group(field, words, word);
            i = star ? j + 1 : j;
        } else {
            out += field;
            out += word;
            i = j;
        }
    }
    return out;
}

std::optional<std::string> exclusions_as_not(std::string_view text) {
    std::string out;
    bool excluded = false;
    for (std::size_t i = 0; i < text.size();) {
        if (ascii::is_space(text[i])) {
            out += text[i++];
            continue;
        }
        if (text[i] != '-' || i + 1 == text.size() || ascii::is_space(text[i + 1])) {
            return std::nullopt;  // something asked for, or a lone dash
        }
        const std::size_t end = item_end(text, i + 1);
        out += "NOT ";
        out.append(text.substr(i + 1, end - i - 1));
        excluded = true;
        i = end;
    }
    if (!excluded) return std::nullopt;
    return out;
}

namespace {

// The query text as the index sees it: wildcards (and a partial last word) expanded.
std::string expand(std::string_view normalised, bool partial, const QueryContext& ctx,
                   bool* capped) {
    return expand_prefixes(normalised, partial, ctx.vocabulary,
                           static_cast<std::size_t>(ctx.limits.max_wildcard_expansion), capped);
}

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

ParsedQuery parse_normalised(std::string_view text, Xapian::Query::op default_op, bool partial,
                             const QueryContext& ctx, const Xapian::Query* placed_phrase = nullptr);

// The field prefix of a field name a phrase can follow ("title" -> "S"), or nullopt for a name
// the parser does not know (then the text is not a field, and not handled here).
std::optional<std::string_view> phrase_field_prefix(std::string_view field) {
    if (field.empty()) return std::string_view();
    for (const auto& f : kQueryFields) {
        if (f.name == field) return f.prefix;
    }
    return std::nullopt;
}

// The open phrase: a phrase whose last position is any word of the index starting with the
// half-typed word.
Xapian::Query open_phrase_alone(const OpenPhrase& p, std::string_view prefix,
                                const QueryContext& ctx, bool* capped) {
    std::vector<Xapian::Query> items;
    if (std::any_of(p.words.begin(), p.words.end(), ascii::is_word_byte)) {
        const std::string field = p.field.empty() ? std::string() : p.field + ":";
        const Xapian::Query whole = make_parser(ctx).parse_query(field + "\"" + p.words + "\"",
                                                                 Xapian::QueryParser::FLAG_PHRASE);
        // In position order: the phrase's terms as the parser made them.
        for (auto t = whole.get_terms_begin(); t != whole.get_terms_end(); ++t) {
            items.emplace_back(*t);
        }
    }
    auto words = prefix_words(ctx.vocabulary, p.last,
                              static_cast<std::size_t>(ctx.limits.max_wildcard_expansion), capped);
    if (words.empty()) words.push_back(ascii::lower(p.last));
    const Xapian::Stem stem("english");
    std::vector<Xapian::Query> alternatives;
    for (const auto& w : words) {
        std::string term = "Z";
        term += prefix;
        term += stem(w);
        alternatives.emplace_back(term);
    }
    items.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    return items.size() == 1
               ? items.front()
               : Xapian::Query(Xapian::Query::OP_PHRASE, items.begin(), items.end(), items.size());
}

// Stands in the query text for the open phrase, so that the parser joins the phrase to the rest
// as it joins any item, by its own rules: excluded after `-` or NOT (from everything when alone),
// required after `+`, an operand of AND/OR/XOR or of a group, with love and hate of the other
// items and operator precedence as in the whole query once the phrase is closed.
constexpr std::string_view kOpenPhraseField = "newsopenphrase";

class PlacedQuery final : public Xapian::FieldProcessor {
  public:
    explicit PlacedQuery(const Xapian::Query* query) : query_(query) {}
    Xapian::Query operator()(const std::string&) override { return *query_; }

  private:
    const Xapian::Query* query_;
};

// The open phrase (core/search/open_phrase.hpp) searched with its last word as a prefix, in its
// place in the query. Nullopt when the text is better read as it stands (an unknown field, a
// query around the phrase that does not parse, as NEAR beside it).
std::optional<Xapian::Query> open_phrase_query(const OpenPhrase& p, Xapian::Query::op default_op,
                                               const QueryContext& ctx, bool* capped) {
    const auto prefix = phrase_field_prefix(p.field);
    if (!prefix) return std::nullopt;
    const Xapian::Query phrase = open_phrase_alone(p, *prefix, ctx, capped);
    std::string text = p.before;
    if (!text.empty() && ascii::is_word_byte(text.back())) text += ' ';
    text += kOpenPhraseField;
    text += ":0";
    try {
        const ParsedQuery whole = parse_normalised(text, default_op, false, ctx, &phrase);
        if (whole.expansion_capped && capped) *capped = true;  // a wildcard before the phrase
        return whole.query;
    } catch (const ApiError&) {
        return std::nullopt;
    } catch (const Xapian::Error&) {
        return std::nullopt;  // NEAR and ADJ take terms, not a query (Xapian::UnimplementedError)
    }
}

ParsedQuery parse_normalised(std::string_view text, Xapian::Query::op default_op, bool partial,
                             const QueryContext& ctx, const Xapian::Query* placed_phrase) {
    ParsedQuery out;
    if (partial) {
        // Each word before a dangling operator was followed by a space: typed whole.
        if (const auto typed = without_dangling_operator(text); typed.size() != text.size()) {
            return parse_normalised(typed, default_op, false, ctx);
        }
        if (const auto p = open_phrase(text)) {
            if (auto q = open_phrase_query(*p, default_op, ctx, &out.expansion_capped)) {
                out.query = std::move(*q);
                return out;
            }
        }
    }
    const std::string expanded = expand(text, partial, ctx, &out.expansion_capped);
    Xapian::QueryParser qp = make_parser(ctx);
    qp.set_default_op(default_op);
    PlacedQuery placed(placed_phrase);
    if (placed_phrase) qp.add_prefix(std::string(kOpenPhraseField), &placed);
    // Half-typed exclusions (`-"`, `-(`, `-AND`) do not parse as NOT items; they are read as
    // Xapian reads them, as before, so that search-as-you-type shows results, not an error.
    if (const auto as_not = exclusions_as_not(expanded)) {
        try {
            out.query = qp.parse_query(*as_not, kParseFlags);
            return out;
        } catch (const Xapian::QueryParserError&) {
        }
    }
    try {
        out.query = qp.parse_query(expanded, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw ApiError::bad_query(query_error_message(e.get_msg()));
    }
    return out;
}

}  // namespace

ParsedQuery parse_query(std::string_view text, Xapian::Query::op default_op, bool partial,
                        const QueryContext& ctx) {
    return parse_normalised(normalize_for_index(text, ctx.variants), default_op, partial, ctx);
}

std::string spelling_correction(std::string_view text, bool partial, const QueryContext& ctx) {
    const std::string normalised = normalize_for_index(text, ctx.variants);
    const std::string expanded = expand(normalised, partial, ctx, nullptr);
    // An expanded wildcard is already made of index words: nothing to correct.
    if (expanded != normalised) return {};
    Xapian::QueryParser qp = make_parser(ctx);
    try {
        qp.parse_query(expanded, kParseFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::QueryParserError&) {
        return {};
    }
    const std::string corrected = qp.get_corrected_query_string();
    return corrected.empty() ? corrected : keep_acceptable_corrections(expanded, corrected);
}

Xapian::Query build_filter(const SearchParams& params) {
    std::vector<Xapian::Query> parts;
    if (!params.sources.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& s : params.sources) {
            any.emplace_back(std::string(schema::kSourceFilter) + filter_value(s));
        }
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (params.author) {
        parts.emplace_back(std::string(schema::kAuthorFilter) + filter_value(*params.author));
    }
    if (params.from || params.to) {
        const double lo = params.from ? *iso_date_days(*params.from) : -1e9;
        const double hi = params.to ? *iso_date_days(*params.to) : 1e9;
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                           Xapian::sortable_serialise(lo), Xapian::sortable_serialise(hi));
    }
    if (parts.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace news
