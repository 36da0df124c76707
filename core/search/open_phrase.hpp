#pragma once
// Search-as-you-type inside a phrase. While the user types `"electric veh`, the phrase is not
// closed and its last word is half typed: taken whole it matches nothing, so the page had no
// results until the word was finished. This finds such an ending so that the query builder can
// search the phrase with its last word as a prefix ("electric vehicle", "electric vehicles"),
// and let the query parser join it to the rest of the query as it joins any item.

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

}  // namespace news
