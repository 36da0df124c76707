#include "core/text/html_text.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text/ascii.hpp"
#include "core/text/char_refs.hpp"

namespace news {
namespace {

using namespace std::string_view_literals;

// Elements that end a paragraph where they open or close.
constexpr std::array kBlock = {
    "address"sv, "article"sv, "aside"sv,  "blockquote"sv, "caption"sv,    "dd"sv,
    "details"sv, "div"sv,     "dl"sv,     "dt"sv,         "figcaption"sv, "figure"sv,
    "footer"sv,  "form"sv,    "h1"sv,     "h2"sv,         "h3"sv,         "h4"sv,
    "h5"sv,      "h6"sv,      "header"sv, "hr"sv,         "li"sv,         "main"sv,
    "nav"sv,     "ol"sv,      "p"sv,      "pre"sv,        "section"sv,    "summary"sv,
    "table"sv,   "tbody"sv,   "tfoot"sv,  "thead"sv,      "tr"sv,         "ul"sv};
// Elements whose content is not text a reader sees.
constexpr std::array kHidden = {"head"sv,   "iframe"sv, "noscript"sv, "object"sv,  "script"sv,
                                "select"sv, "style"sv,  "svg"sv,      "template"sv};
// Table cells: a space between them, not a paragraph each.
constexpr std::array kCell = {"td"sv, "th"sv};
// Inline elements, dropped with their text kept; known so that looks_like_html can tell "<b>"
// from "<<< scroll".
constexpr std::array kInline = {"a"sv,    "abbr"sv,  "audio"sv,  "b"sv,    "big"sv,     "br"sv,
                                "cite"sv, "code"sv,  "del"sv,    "em"sv,   "font"sv,    "i"sv,
                                "img"sv,  "ins"sv,   "kbd"sv,    "mark"sv, "picture"sv, "q"sv,
                                "s"sv,    "small"sv, "source"sv, "span"sv, "strike"sv,  "strong"sv,
                                "sub"sv,  "sup"sv,   "time"sv,   "u"sv,    "video"sv,   "wbr"sv};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& set, std::string_view name) {
    return std::ranges::find(set, name) != set.end();
}

bool known(std::string_view name) {
    return among(kBlock, name) || among(kHidden, name) || among(kCell, name) ||
           among(kInline, name);
}

struct Tag {
    std::string name;           // lower case
    bool closing = false;       // </p>
    bool self_closing = false;  // <br/>
    std::size_t end = 0;        // just past its '>'
};

// The index just past the '>' that ends the tag whose name ends at `i`. Quotes count only
// after '=' (an attribute's value), so an apostrophe in a bare value cannot swallow the page.
std::optional<std::size_t> tag_end(std::string_view html, std::size_t i) {
    char quote = 0;
    char last = 0;  // the last byte outside quotes that is not a space
    for (; i < html.size(); ++i) {
        const char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if ((c == '"' || c == '\'') && last == '=') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        } else if (!ascii::is_space(c)) {
            last = c;
        }
    }
    return std::nullopt;
}

// Reads the tags of one text. Once a tag finds no '>' before the end, no later one can (a '<'
// is never looked for inside a tag), so the rest is text without a second scan: a body of
// many unclosed '<' costs one pass, not one per '<'.
class TagReader {
  public:
    explicit TagReader(std::string_view html) : html_(html) {}

    // The tag that starts at html[i] == '<', or nothing when no tag starts there.
    std::optional<Tag> at(std::size_t i) {
        if (i >= unclosed_from_) return std::nullopt;
        Tag tag;
        std::size_t j = i + 1;
        tag.closing = j < html_.size() && html_[j] == '/';
        if (tag.closing) ++j;
        const std::size_t start = j;
        while (j < html_.size() && ascii::is_alnum(html_[j])) ++j;
        if (j == start || !ascii::is_alpha(html_[start])) return std::nullopt;
        if (j < html_.size() && html_[j] != '>' && html_[j] != '/' && !ascii::is_space(html_[j]) &&
            html_[j] != '\f') {
            return std::nullopt;
        }
        const auto end = tag_end(html_, j);
        if (!end) {
            unclosed_from_ = i;
            return std::nullopt;
        }
        tag.name = ascii::lower(html_.substr(start, j - start));
        tag.end = *end;
        tag.self_closing = html_[*end - 2] == '/';
        return tag;
    }

  private:
    std::string_view html_;
    std::size_t unclosed_from_ = std::string_view::npos;
};

// Where the text after hidden element `name` resumes: past its closing tag, else at the end.
std::size_t past_closing(std::string_view html, std::size_t from, std::string_view name) {
    const std::string closing = "</" + std::string(name);
    for (auto i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        if (ascii::iequals(html.substr(i, closing.size()), closing)) {
            const auto end = html.find('>', i);
            return end == std::string_view::npos ? html.size() : end + 1;
        }
    }
    return html.size();
}

// The text being built: white space collapsed, breaks never doubled past a blank line.
class TextOut {
  public:
    // A blank line ends a paragraph here too: feeds mix blank-line paragraphs with inline tags
    // ("First <b>bold</b> point.\n\nSecond point."), and HTML itself never needs one inside a
    // paragraph.
    void text(std::string_view t) {
        for (const char c : t) {
            if (c == '\n' && ++newlines_ == 2) paragraph_break();
            if (ascii::is_space(c) || c == '\f' || c == '\v') {
                space_ = !out_.empty() && out_.back() != '\n';
                continue;
            }
            if (space_) out_ += ' ';
            space_ = false;
            newlines_ = 0;
            out_ += c;
        }
    }
    void space() { space_ = !out_.empty() && out_.back() != '\n'; }
    void line_break() {
        space_ = false;
        newlines_ = 0;
        out_ += '\n';
    }
    void paragraph_break() {
        space_ = false;
        if (!out_.empty() && !out_.ends_with("\n\n")) out_ += out_.back() == '\n' ? "\n" : "\n\n";
    }
    std::string take() {
        while (!out_.empty() && out_.back() == '\n') out_.pop_back();
        return std::move(out_);
    }

  private:
    std::string out_;
    bool space_ = false;
    int newlines_ = 0;  // in the white space just read
};

void emit_text(TextOut& out, std::string_view t) {
    if (t.find('&') == std::string_view::npos) {
        out.text(t);
    } else {
        out.text(decode_char_refs(t));
    }
}

// Comments, declarations and CDATA at html[i] == '<': where the text resumes, or nothing when
// none starts there. CDATA's content is text.
std::optional<std::size_t> skip_markup_declaration(std::string_view html, std::size_t i,
                                                   TextOut& out) {
    const auto rest = html.substr(i);
    const auto until = [&](std::string_view end) {
        const auto e = html.find(end, i);
        return e == std::string_view::npos ? html.size() : e + end.size();
    };
    if (rest.starts_with("<!--")) return until("-->");
    if (rest.starts_with("<![CDATA[")) {
        const auto start = i + 9;
        const auto end = html.find("]]>", start);
        out.text(html.substr(start, end == std::string_view::npos ? end : end - start));
        return end == std::string_view::npos ? html.size() : end + 3;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) return until(">");
    return std::nullopt;
}

}  // namespace

bool looks_like_html(std::string_view body) {
    TagReader tags(body);
    for (auto i = body.find('<'); i != std::string_view::npos; i = body.find('<', i + 1)) {
        if (body.substr(i).starts_with("<!--")) return true;
        const auto tag = tags.at(i);
        if (tag && known(tag->name)) return true;
    }
    return false;
}

std::string html_to_text(std::string_view html) {
    TextOut out;
    TagReader tags(html);
    std::size_t i = 0;
    while (i < html.size()) {
        const auto lt = html.find('<', i);
        emit_text(out, html.substr(i, lt == std::string_view::npos ? lt : lt - i));
        if (lt == std::string_view::npos) break;
        if (const auto next = skip_markup_declaration(html, lt, out)) {
            i = *next;
            continue;
        }
        const auto tag = tags.at(lt);
        if (!tag) {
            out.text("<");
            i = lt + 1;
            continue;
        }
        i = tag->end;
        if (tag->name == "br") {
            out.line_break();
        } else if (among(kBlock, tag->name)) {
            out.paragraph_break();
        } else if (among(kCell, tag->name)) {
            out.space();
        } else if (among(kHidden, tag->name) && !tag->closing && !tag->self_closing) {
            i = past_closing(html, i, tag->name);
        }
    }
    return out.take();
}

}  // namespace news
