#pragma once
// Highlighting: article text as HTML in which only <mark>…</mark> is markup. The text is escaped
// here (&, <, >), so a page can insert the result as HTML and no markup from an article can reach
// it.
//
// Our own generator, not Xapian's MSet::snippet: that one stems every word of the text it sees
// and was a quarter of the cost of a whole search. Here a word is stemmed only when it can stem to
// one of the query's terms, and each distinct word once per query. The snippet is the window of
// about `length` bytes with the most distinct query words, then the most matches, the earliest on
// a tie; it also marks the words of quoted phrases, which Xapian 1.4's generator left unmarked.

#include <xapian.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/search/passage.hpp"

namespace news {

inline constexpr std::string_view kMarkOpen = "<mark>";
inline constexpr std::string_view kMarkClose = "</mark>";
inline constexpr std::string_view kEllipsis = "…";

// The words one query marks: its body terms ("Z" + stem, or an unprefixed word), as the index
// made them, and with `field` the terms of that field too (schema::kTitle: `title:x` marks x in
// a title, not in a body). Built once per query; not for use by two threads at once (it caches
// stems).
class QueryWords {
  public:
    QueryWords() = default;
    explicit QueryWords(const Xapian::Query& query, std::string_view field = {});
    // The words of `query` with those of `field`, or nullopt when the query names no term of
    // that field and its body words (QueryWords(query)) mark the same: most queries, and
    // building the words twice would cost each search about a microsecond.
    static std::optional<QueryWords> with_field(const Xapian::Query& query, std::string_view field);

    // The query term (0, 1, ...) that a word of a text (as written) stands for, or -1.
    int term_of(std::string_view word) const;
    std::size_t term_count() const { return terms_; }
    // What a body word matching a term starts with (core/search/passage.hpp).
    const std::vector<std::string>& needles() const { return needles_; }

  private:
    bool could_stem_to_term(std::string_view lowered) const;

    std::unordered_map<std::string, int> stems_;  // stem -> term number
    std::unordered_map<std::string, int> words_;  // unstemmed term -> term number
    std::vector<std::string> needles_;
    std::vector<std::string> field_needles_;  // the same for the stems of `field`
    std::array<bool, 256> first_byte_{};
    std::size_t terms_ = 0;
    mutable std::unordered_map<std::string, int> seen_;  // lower-cased word -> term or -1
};

// Escapes &, < and >: the result is safe as element content (the API's HTML fields are never
// used inside attributes).
std::string escape_html(std::string_view text);

// The best window of `text` of at most about `length` bytes, whole words, the query's words
// marked, "…" where it was cut. With no query word in the text: its opening.
std::string snippet(const QueryWords& words, std::string_view text, std::size_t length);

// The same over a passage chosen from the body (core/search/passage.hpp), marked as cut
// when it does not begin or end where the body does.
std::string snippet(const QueryWords& words, const Passage& passage, std::size_t length);

// All of `text`, the query's words marked (titles, paragraphs).
std::string highlight_all(const QueryWords& words, std::string_view text);

}  // namespace news
