#pragma once
// The top of a cleaned page: its headline and the lines under it that credit the article (byline,
// date, outlet), with the standfirst between them. docs/cleaning.md, step 4.

#include <optional>
#include <string>
#include <vector>

#include "core/model/article.hpp"

namespace news::clean {

// Where the body starts, and a standfirst (the line that sums the story up between the headline
// and the byline), which is text of the article: its first paragraph.
struct HeaderEnd {
    std::size_t body = 0;
    std::optional<std::string> standfirst;
};

// Sets the title, authors, source and date of `a` from `lines` (chrome already dropped). Lines
// above the title are labels, not article text.
HeaderEnd read_header(const std::vector<std::string>& lines, Article& a);

// Adds an author once.
void add_author(Article& a, std::string name);

}  // namespace news::clean
