#include "core/ingest/xml_references.hpp"

#include <cstdint>
#include <unordered_set>

#include "core/text/ascii.hpp"
#include "core/text/char_refs.hpp"

namespace news {
namespace {

constexpr auto npos = std::string_view::npos;
constexpr std::size_t kMaxReference = 32;  // between '&' and ';': longer is no reference

// One past the end of the markup starting at `at` (a '<') whose text holds no references to
// repair: a CDATA section, comment, processing instruction or DOCTYPE (whose internal subset
// declares entities with '&' in their values). npos for a tag, whose attributes may hold them.
std::size_t verbatim_end(std::string_view xml, std::size_t at) {
    const std::string_view rest = xml.substr(at);
    const auto past = [&](std::string_view close, std::size_t from) {
        const auto e = xml.find(close, from);
        return e == npos ? xml.size() : e + close.size();
    };
    if (rest.starts_with("<![CDATA[")) return past("]]>", at);
    if (rest.starts_with("<!--")) return past("-->", at);
    if (rest.starts_with("<?")) return past("?>", at);
    if (!rest.starts_with("<!DOCTYPE")) return npos;
    const auto gt = xml.find('>', at);
    const auto bracket = xml.find('[', at);
    if (bracket < gt) return past(">", past("]", bracket));
    return gt == npos ? xml.size() : gt + 1;
}

bool is_xml_reference(std::string_view body) {
    if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos")
        return true;
    if (!body.starts_with('#')) return false;
    body.remove_prefix(1);
    const bool hex = body.starts_with('x');
    if (hex) body.remove_prefix(1);
    if (body.empty()) return false;
    for (const char c : body) {
        const bool ok =
            ascii::is_digit(c) ||
            (hex && ascii::is_alpha(c) && ascii::to_lower(c) >= 'a' && ascii::to_lower(c) <= 'f');
        if (!ok) return false;
    }
    return true;
}

bool is_name_char(char c) {
    return ascii::is_alnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

// The general entities a DOCTYPE's internal subset declares ("<!ENTITY name ...>"): references
// to them are the parser's to read. Any other name is undeclared (no DTD is loaded), and its
// '&' is text.
std::unordered_set<std::string> declared_entities(std::string_view doctype) {
    std::unordered_set<std::string> names;
    for (auto at = doctype.find("<!ENTITY"); at != npos; at = doctype.find("<!ENTITY", at + 1)) {
        std::size_t i = at + 8;
        while (i < doctype.size() && ascii::is_space(doctype[i])) ++i;
        const std::size_t start = i;
        while (i < doctype.size() && is_name_char(doctype[i])) ++i;
        if (i > start) names.emplace(doctype.substr(start, i - start));
    }
    return names;
}

}  // namespace

std::string with_xml_references(std::string_view xml) {
    std::string out;
    out.reserve(xml.size() + xml.size() / 64);
    std::unordered_set<std::string> declared;
    std::size_t i = 0;
    while (i < xml.size()) {
        const auto next = xml.find_first_of("<&", i);
        out.append(xml.substr(i, next - i));
        if (next == npos) break;
        if (xml[next] == '<') {
            const auto end = verbatim_end(xml, next);
            i = end == npos ? next + 1 : end;
            const std::string_view markup = xml.substr(next, i - next);
            if (markup.starts_with("<!DOCTYPE")) declared = declared_entities(markup);
            out.append(markup);
            continue;
        }
        i = next + 1;
        const auto semi = xml.substr(i, kMaxReference + 1).find(';');
        const std::string_view body = semi == npos ? std::string_view{} : xml.substr(i, semi);
        if (is_xml_reference(body)) {
            out += '&';
        } else if (const auto c = html_named_char(body)) {
            out += *c == 0xA0 ? std::string(" ") : "&#" + std::to_string(std::uint32_t{*c}) + ";";
            i += semi + 1;
        } else if (declared.contains(std::string(body))) {
            out += '&';
        } else {
            out += "&amp;";
        }
    }
    return out;
}

}  // namespace news
