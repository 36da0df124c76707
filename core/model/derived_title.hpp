#pragma once
// A title for an article that came without one (a page with no headline, a feed item without a
// title, as JSON Feed allows): its first sentence, cut at a word. The article says it is derived.

#include <string>
#include <string_view>

namespace news {

// The first sentence of `paragraph` (to the first '.', '!' or '?' before a space), at most
// kDerivedTitleMax bytes, cut at a space with an ellipsis when longer.
inline constexpr std::size_t kDerivedTitleMax = 80;
std::string derive_title(std::string_view paragraph);

}  // namespace news
