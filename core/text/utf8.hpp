#pragma once
// UTF-8 checks and repair: scraped pages and feeds arrive with broken bytes; everything past the
// input readers is valid UTF-8.

#include <string>
#include <string_view>

namespace news {

bool is_valid_utf8(std::string_view s);

// Replaces every byte that does not start a valid sequence with U+FFFD; valid text is unchanged.
std::string repair_utf8(std::string_view s);

// Appends `cp` as UTF-8; a surrogate or a value past U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, char32_t cp);

}  // namespace news
