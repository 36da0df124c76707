#pragma once
// Feeds' own conventions inside a field's text, undone before the text becomes an article's.

#include <string_view>

namespace news {

// RSS 2.0 writes an item's author as an e-mail address, the name in parentheses after it:
// "jane@example.org (Jane Doe)" is "Jane Doe". Any other text is returned as it is.
std::string_view rss_author_name(std::string_view author);

// NewsAPI cuts an article's "content" at 200 characters and ends it with "… [+1234 chars]":
// the text without that marker (and the space and ellipsis before it). Any other text is
// returned as it is.
std::string_view without_cut_marker(std::string_view body);

}  // namespace news
