#pragma once
// Article bodies written as HTML, as feeds carry them (RSS's content:encoded, CMS exports:
// "<p>First paragraph.</p><p>Second…"), as the plain paragraphs an article is made of. Left as
// they were, the tags would be searched as words, shown in snippets, and the paragraphs run
// together. A linear scan, as Xapian's omega reads HTML with its own small parser: a body needs
// its text and its paragraph breaks, not a document tree.

#include <string>
#include <string_view>

namespace news {

// Whether `body` holds a tag of a known HTML element ("<p>", "</div>", "<br/>", "<a href=…>")
// or an HTML comment. Text that merely uses '<' ("3 < 5", "<<< scroll") does not.
bool looks_like_html(std::string_view body);

// The text of `html`, paragraphs separated by a blank line: block elements (p, div, li,
// headings, blockquote, table rows …) end a paragraph, <br> ends a line, other tags are dropped
// with what script, style, iframe and the like hold, runs of white space become one space, and
// character references are decoded. A '<' that starts no tag stays as text.
std::string html_to_text(std::string_view html);

}  // namespace news
