#include "core/index/document_builder.hpp"

#include <nlohmann/json.hpp>

#include "core/dedupe/fingerprint.hpp"
#include "core/dedupe/hash.hpp"
#include "core/index/schema.hpp"
#include "core/index/stem_cache.hpp"
#include "core/model/published_date.hpp"
#include "core/text/ascii.hpp"
#include "core/text/compounds.hpp"
#include "core/text/json_writer.hpp"

namespace news {
namespace {

// Xapian refuses terms longer than 245 bytes; long values are cut and tagged with a hash.
constexpr std::size_t kMaxTermValue = 200;

// Gap between fields in the position space, so a phrase never spans title and body.
constexpr Xapian::termpos kFieldGap = 100;

bool is_spelling_word(const std::string& w) {
    if (w.size() < 2 || w.size() > 30) return false;
    for (const char c : w) {
        if (c < 'a' || c > 'z') return false;
    }
    return true;
}

}  // namespace

std::string filter_value(std::string_view text) {
    std::string out = ascii::lower(text);
    if (out.size() > kMaxTermValue)
        out = out.substr(0, kMaxTermValue - 17) + "#" + hex64(hash64(out));
    return out;
}

DocumentBuilder::DocumentBuilder(SpellingVariants variants,
                                 const std::vector<SynonymGroup>& synonyms)
    // Stemmed terms only ("Z" + stem, with positions: TermGenerator makes what Xapian's does
    // with STEM_ALL_Z): half the terms of STEM_SOME, which roughly halves indexing time and
    // postings; the query side must use STEM_ALL_Z too.
    : normalize_(std::move(variants)), synonyms_(synonyms), generator_(cached_stemmer("english")) {}

BuiltDocument DocumentBuilder::build(const Article& a, std::string_view file_key) {
    BuiltDocument out;
    Xapian::Document& doc = out.doc;
    generator_.set_document(doc);

    const std::string title = normalize_for_index(a.title, normalize_);
    std::string body;
    for (const auto& h : a.headings) {
        body += normalize_for_index(h.text, normalize_);
        body += '\n';
    }
    const std::string text = normalize_for_index(body_text(a), normalize_);
    body += text;

    // Title: prefixed for title: searches, and unprefixed with a higher wdf so title words
    // rank above body words; then the body after a position gap.
    generator_.index_text(title, schema::kTitleWeight, schema::kTitle);
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(title, schema::kTitleWeight);
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(body);
    for (const auto& c : hyphen_compounds(title)) {
        generator_.add_unpositioned(c.joined, schema::kTitleWeight, schema::kTitle);
        generator_.add_unpositioned(c.joined, schema::kTitleWeight);
    }
    for (const auto& c : hyphen_compounds(body)) generator_.add_unpositioned(c.joined);

    if (a.source) {
        generator_.increase_termpos(kFieldGap);
        generator_.index_text(normalize_for_index(*a.source, normalize_), 1, schema::kSource);
        doc.add_boolean_term(std::string(schema::kSourceFilter) + filter_value(*a.source));
        doc.add_value(schema::kSlotSource, *a.source);
    }
    for (const auto& author : a.authors) {
        generator_.increase_termpos(kFieldGap);
        generator_.index_text(normalize_for_index(author, normalize_), 1, schema::kAuthor);
        doc.add_boolean_term(std::string(schema::kAuthorFilter) + filter_value(author));
    }
    if (a.embedded_in) {
        doc.add_boolean_term(std::string(schema::kEmbeddedFilter) + *a.embedded_in);
    }
    out.id_term = std::string(schema::kId) + a.id;
    doc.add_boolean_term(out.id_term);
    doc.add_boolean_term(std::string(schema::kOriginFilter) + std::string(file_key));

    if (a.published) {
        if (const auto days = iso_date_days(*a.published)) {
            doc.add_value(schema::kSlotDate, Xapian::sortable_serialise(*days));
        }
    }

    auto words = search_words(title, true);
    {
        auto body_words = search_words(body, true);
        words.insert(words.end(), std::make_move_iterator(body_words.begin()),
                     std::make_move_iterator(body_words.end()));
    }
    for (const auto& [term, count] : synonyms_.match(words)) doc.add_term(term, count);
    for (auto& w : words) {
        ascii::lower_in_place(w);
        if (is_spelling_word(w)) out.spelling_words.push_back(std::move(w));
    }

    out.fingerprint = dedupe::fingerprint(title, text);
    if (out.fingerprint) doc.add_value(schema::kSlotSignature, dedupe::encode(*out.fingerprint));

    // write_json: the bytes of nlohmann's dump() (for valid UTF-8, which ingest guarantees) at
    // a fraction of its cost; dump() was a fortieth of a fresh build's instructions.
    doc.add_value(
        schema::kSlotSummary,
        write_json(nlohmann::json{{"id", a.id},
                                  {"source", a.source ? nlohmann::json(*a.source) : nullptr},
                                  {"title", a.title}}));
    std::string data = write_json(nlohmann::json(a));
    out.hash = schema::versioned_hash(hash64(data));
    doc.add_value(schema::kSlotHash, out.hash);
    doc.add_value(schema::kSlotArticle, std::move(data));
    // Drop the generator's handle on the document: Xapian's reference counts are not atomic,
    // and the document goes on to another thread (see BuilderThread).
    generator_.clear_document();
    return out;
}

}  // namespace news
