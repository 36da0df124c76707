#pragma once
// Turns one raw scraped news page into clean articles: the page's own story first (id
// "<stem>-0") and then each complete story embedded in a "Related Articles" block ("<stem>-1"…).
// Rules and their reasons: docs/cleaning.md. Pure: no I/O; any bytes in, never throws on content.

#include <string_view>
#include <vector>

#include "core/model/article.hpp"

namespace news {

std::vector<Article> clean_page(std::string_view raw, std::string_view origin);

}  // namespace news
