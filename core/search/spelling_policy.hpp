#pragma once
// Which of the spelling table's corrections a search may apply. Xapian suggests any index word
// within two edits of a word it does not hold, whatever the word's length: `fox` became `for`, a
// stop word found in every article, and `title` became `time`. The rule here is the one users
// know from typo-tolerant engines (Typesense's defaults): no typo in a word of under 4
// characters, one in a word of 4 to 6, two from 7; and never a stop word as the answer.

#include <cstddef>
#include <string>
#include <string_view>

namespace news {

// Edits (insert, delete, substitute, swap two neighbours) allowed in a typed word of
// `length` bytes.
std::size_t typo_budget(std::size_t length);

// Edits from `a` to `b`, counting a swap of two neighbouring characters as one (optimal string
// alignment). Bytes, so a non-ASCII letter costs more than one: the spelling table holds only
// ASCII words, and a correction of a non-ASCII word is then rarer, not wrong.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Whether `typed` may be answered as `suggested` (both lower case).
bool acceptable_correction(std::string_view typed, std::string_view suggested);

// `corrected` (Xapian's corrected form of `typed`, the same text with some words replaced) with
// every replacement this policy refuses put back as typed. Empty when no replacement is left.
// When the two texts do not have the same words in the same places, `corrected` is returned
// as it is. Pure.
std::string keep_acceptable_corrections(std::string_view typed, std::string_view corrected);

}  // namespace news
