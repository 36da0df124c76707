#pragma once
// The opening of an article as a key: its title and the first words of its body. Wires send a
// story in takes (a short first take, then the full version, then a corrected repeat) under one
// headline; the takes open alike but share too few shingles for MinHash's threshold (an 87-word
// take inside a 558-word story is a Jaccard of 0.15), so a search listed each take as a story of
// its own. Two articles with the same lead key, the shorter mostly inside the longer, are one
// story.

#include <cstdint>
#include <string_view>

namespace news::dedupe {

inline constexpr std::size_t kLeadWords = 25;  // words of the body in the key
// What two articles of one lead key need as well: at least this share of the shorter one's
// shingles in the other (a take is nearly all inside the full story). A page whose title and
// opening are a site's furniture shares only them with the site's other stories.
inline constexpr double kLeadContainment = 0.5;

// Hash of the words (case-folded) of the normalised title, then of the first kLeadWords words of
// the normalised body. Never 0, which stands for "no key" in the signature slot.
std::uint64_t lead_key(std::string_view normalized_title, std::string_view normalized_body);

}  // namespace news::dedupe
