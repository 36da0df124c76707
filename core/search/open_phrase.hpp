#pragma once
// Search-as-you-type inside a phrase. While the user types `"electric veh`, the phrase is not
// closed and its last word is half typed: taken whole it matches nothing, so the page had no
// results until the word was finished. This finds such an ending so that the query builder can
// search the phrase with its last word as a prefix ("electric vehicle", "electric vehicles").

#include <optional>
#include <string>
#include <string_view>

namespace news {

// `Nissan title:"electric veh` -> before `Nissan `, field `title`, words `electric `, last `veh`.
struct OpenPhrase {
    std::string before;  // the query before the phrase and its field
    std::string field;   // the field name before the quote ("title"), or empty
    std::string words;   // the phrase's whole words, as typed
    std::string last;    // its last word, half typed
};

// The phrase `text` ends in when its last quote is left open and a word ends the text; nullopt
// otherwise (a closed phrase, a phrase ending in a space, no phrase). Pure.
std::optional<OpenPhrase> open_phrase(std::string_view text);

// How the open phrase joins the query typed before it. `-"electric veh` excludes the phrase,
// `+"electric veh` requires it, `Nissan AND "electric veh` is a boolean operand; with none of
// these the query's default operator joins the two.
enum class PhraseLink { kDefault, kAnd, kOr, kXor, kExclude, kRequire };

struct LinkedPhrase {
    std::string_view rest;  // `before` without the operator and the spaces around it
    PhraseLink link;
};

// `before` (OpenPhrase::before) split into the query before the phrase and the operator joining
// them. Nullopt when joining the two parsed apart would not read as the query parser reads the
// whole: an operator whose left side holds another operator or a group (precedence), NEAR/ADJ
// (which take terms, not a built phrase), `+` after another `+` item, or a binary operator with
// nothing on its left. Pure.
std::optional<LinkedPhrase> link_of(std::string_view before);

}  // namespace news
