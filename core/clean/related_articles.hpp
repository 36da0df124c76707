#pragma once
// Stories embedded in a page's "Related Articles" block. Scrapers flatten each teaser card to
// lines: [title, title again,] outlet, time ("8 hours ago"), a bulleted outlet, title, text;
// or title, date ("March 5, 2024"), text. The time or date line is the anchor every card has; a
// card with a title and a text becomes an article of its own, a bare headline (a link) is
// dropped.

#include <string>
#include <vector>

#include "core/model/article.hpp"

namespace news::clean {

// `lines`: the block's lines after its header, trimmed, chrome lines already removed, no blanks.
std::vector<Article> parse_related(const std::vector<std::string>& lines);

}  // namespace news::clean
