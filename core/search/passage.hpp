#pragma once
// Picks the part of an article body that Xapian's snippet generator is given. The generator
// stems every word of the text it sees, which makes it the most expensive step of a search when
// it reads whole articles; the best snippet nearly always lies in the paragraph that holds most
// of the query's words, and finding that paragraph takes a plain byte scan.

#include <xapian.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// A query term that words of a body can match: "Z" + a stem, or an unprefixed word (Xapian
// prefixes are upper case; words are lower-cased at index time). Nullopt for field and filter
// terms (title:, source:, ids, clusters).
struct BodyTerm {
    std::string text;  // the stem or the word, without the "Z"
    bool stemmed = false;
};
std::optional<BodyTerm> body_term(std::string_view term);
// The same for the terms of one field: with prefix "S" (title:), "ZS" + a stem or "S" + a word.
std::optional<BodyTerm> field_term(std::string_view term, std::string_view prefix);

// What a word matching the term starts with: a stem without its last letter ("happi" comes
// from "happy"), an unstemmed word whole.
std::string needle_of(const BodyTerm& term);

// The lower-case beginnings that a body word matching one of the query's terms starts with: a
// stem without its last letter ("happi" comes from "happy"), an unstemmed term whole. Field
// terms (title:, source:, filters) say nothing about the body and are left out.
std::vector<std::string> passage_needles(const Xapian::Query& query);

struct Passage {
    std::string text;        // the text chosen, paragraphs joined by a space
    bool from_start = true;  // the text begins where the body begins
    bool to_end = true;      // the text ends where the body ends
};

// From the paragraph holding most of the needles (the earliest on a tie), starting about
// length / 2 bytes before its first needle, 1.5 x `length` bytes of text (more paragraphs when it
// is short), cut at spaces: the generator then picks the best `length` bytes in it. With no
// needle found anywhere, the whole body: the generator decides, as it would have. With no needles
// at all, the opening.
Passage best_passage(std::span<const std::string_view> paragraphs,
                     std::span<const std::string> needles, std::size_t length);

}  // namespace news
