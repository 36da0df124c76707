#pragma once
// HTML character references (&amp;, &eacute;, &#233;, &#xE9;) as the characters they stand for.
// Feeds carry them in titles and bodies (the bench corpus's BBC articles write "Pel&#233;" and
// "communiqu&#233;"): left as they are, "Pelé" does not find the article and the page shows the
// code. Only complete references are read, a name from HTML 4's list (or &apos;) or a number,
// ended by ';': "AT&T", "Q&A" and "&nbsp" without its ';' stay as written.

#include <optional>
#include <string>
#include <string_view>

namespace news {

// `text` with its references decoded. Numbers 128-159 are read as Windows-1252, as browsers do
// (&#146; is a right quote); 0, surrogates and numbers past U+10FFFF become U+FFFD; a no-break
// space becomes a plain one, since it is layout, and so trims and splits like a space.
std::string decode_char_refs(std::string_view text);

// Decodes `text` in place when it holds a '&' (most text does not, and is left untouched).
void decode_char_refs_in(std::string& text);

// The character an HTML named reference stands for ("eacute" is U+00E9), or nullopt for a name
// not in HTML 4's list (or "apos").
std::optional<char32_t> html_named_char(std::string_view name);

}  // namespace news
