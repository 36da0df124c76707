#include "server/xml_text.hpp"

namespace news {
namespace {

// U+FFFE and U+FFFF, which XML 1.0 does not allow, as UTF-8: EF BF BE and EF BF BF.
bool non_character_at(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBF' &&
           (text[i + 2] == '\xBE' || text[i + 2] == '\xBF');
}

// Bytes XML 1.0 does not allow at all: C0 controls other than tab and line ends.
bool forbidden_control(char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

// The entity that stands for `c` in element content and attribute values alike, or none.
std::string_view xml_entity(char c) {
    if (c == '&') return "&amp;";
    if (c == '<') return "&lt;";
    if (c == '>') return "&gt;";
    if (c == '"') return "&quot;";
    return {};
}

}  // namespace

void append_xml(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (forbidden_control(text[i])) continue;
        if (non_character_at(text, i)) {
            i += 2;
            continue;
        }
        const auto entity = xml_entity(text[i]);
        if (entity.empty()) {
            out += text[i];
        } else {
            out += entity;
        }
    }
}

}  // namespace news
