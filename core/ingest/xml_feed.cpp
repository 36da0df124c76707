#include "core/ingest/xml_feed.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/ingest/jsonl_fields.hpp"
#include "core/ingest/xml_references.hpp"
#include "core/text/ascii.hpp"
#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"

namespace news {
namespace {

using nlohmann::json;

// The namespaces of the feed formats' own elements, and of the two modules feeds use for
// bodies and authors.
constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03 = "http://purl.org/atom/ns#";
constexpr std::string_view kRss10 = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss09 = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kMedia = "http://search.yahoo.com/mrss/";

// No network, and no entity substitution or DTD loading (libxml2 then reads no external
// entity); errors are kept in the context for the report instead of printed; a file that is
// not well-formed (feeds in the wild often are: a bare '&' in a title) is read as far as can be.
constexpr int kParseOptions =
    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct FreeDoc {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct FreeContext {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
struct FreeBuffer {
    void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct FreeString {
    void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, FreeString>;

std::string_view as_view(const xmlChar* s) {
    return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

// libxml2's text is UTF-8, except where a file's bytes contradict its declared encoding and
// recovery passes them through: such bytes are replaced, as in any input.
std::string utf8(std::string text) {
    return is_valid_utf8(text) ? std::move(text) : repair_utf8(text);
}

std::string_view namespace_of(const xmlNode* n) {
    return n->ns != nullptr ? as_view(n->ns->href) : std::string_view{};
}

// Element `name` of the feed format itself: RSS 2.0's have no namespace, RSS 1.0's, RSS 0.9's
// and Atom's have theirs.
bool is(const xmlNode* n, std::string_view name) {
    if (n->type != XML_ELEMENT_NODE || as_view(n->name) != name) return false;
    const std::string_view ns = namespace_of(n);
    return ns.empty() || ns == kRss10 || ns == kRss09 || ns == kAtom || ns == kAtom03;
}

// Element `name` of the module whose namespace is `ns`.
bool is(const xmlNode* n, std::string_view ns, std::string_view name) {
    return n->type == XML_ELEMENT_NODE && as_view(n->name) == name && namespace_of(n) == ns;
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

// The text of an element and of the elements in it, CDATA included. Entity references other
// than XML's five (which the parser decodes) are left out: expanding them is how a hostile file
// grows without bound.
void append_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            out.append(as_view(c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            append_text(c, out);
        }
    }
}

std::string text_of(const xmlNode* n) {
    std::string out;
    append_text(n, out);
    return utf8(std::move(out));
}

std::string attribute(const xmlNode* n, std::string_view name) {
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        if (as_view(a->name) != name) continue;
        std::string out;
        for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
            if (c->type == XML_TEXT_NODE) out.append(as_view(c->content));
        }
        return utf8(std::move(out));
    }
    return {};
}

bool is_web_address(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

// A link as the page it names is reached: a relative one ("/2024/05/ferry") resolved against
// the xml:base in scope (Atom's way, and any XML's), else against `fallback_base` (an RSS
// channel's own address, as feed readers do), when either is a web address. A link that is
// already absolute, or that nothing resolves, is kept as written.
std::string resolved_link(const xmlNode* n, std::string link, std::string_view fallback_base) {
    const std::string_view trimmed = trim_field(link);
    if (trimmed.empty() || trimmed.find(':') < trimmed.find_first_of("/?#")) return link;
    const XmlString declared(xmlNodeGetBase(n->doc, n));
    std::string base(as_view(declared.get()));
    if (!is_web_address(base)) base = fallback_base;
    if (!is_web_address(base)) return link;
    const XmlString uri(xmlBuildURI(reinterpret_cast<const xmlChar*>(std::string(trimmed).c_str()),
                                    reinterpret_cast<const xmlChar*>(base.c_str())));
    return uri ? utf8(std::string(as_view(uri.get()))) : link;
}

// The markup inside an element, written out: Atom's xhtml content is a <div> of XHTML that the
// body's HTML reading then turns into paragraphs.
std::string inner_markup(const xmlNode* n) {
    const std::unique_ptr<xmlBuffer, FreeBuffer> buffer(xmlBufferCreate());
    if (!buffer) throw std::bad_alloc();
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
        xmlNodeDump(buffer.get(), n->doc, c, 0, 0);
    }
    return utf8(std::string(as_view(xmlBufferContent(buffer.get()))));
}

// A body: its text (HTML escaped in it, or in CDATA, is read as HTML later), or, when markup
// was written into it unescaped (<description><p>One</p><p>Two</p></description>, not valid
// RSS but common), that markup, so that its paragraphs stay paragraphs.
std::string body_text(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return inner_markup(n);
    }
    return text_of(n);
}

// An Atom text construct (title, summary, content): type "text" and "html" are the element's
// text (the HTML escaped in it, for "html"), "xhtml" the markup of the <div> it holds.
std::string atom_text(const xmlNode* n) {
    if (attribute(n, "type") != "xhtml") return body_text(n);
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return inner_markup(c);
    }
    return text_of(n);
}

// A title written as HTML (Atom's type="html", or an RSS title with tags in it) as its words.
std::string title_text(std::string title) {
    if (!looks_like_html(title)) return title;
    std::string words;
    for (const char c : html_to_text(title)) {
        const bool space = ascii::is_space(c);
        if (space && (words.empty() || words.back() == ' ')) continue;
        words += space ? ' ' : c;
    }
    return words;
}

// An Atom title: text as written for type "text" (the default), its words for "html" and
// "xhtml".
std::string atom_title(const xmlNode* n) {
    const std::string type = attribute(n, "type");
    return type == "html" || type == "xhtml" ? title_text(atom_text(n)) : text_of(n);
}

// Sets the record's `key` to `text` unless it already has one or the text is blank: the first
// of repeated elements counts, as a converter would keep it.
void put(json& record, const char* key, std::string text) {
    if (record.contains(key) || trim_field(text).empty()) return;
    record[key] = std::move(text);
}

void add_name(std::vector<std::string>& names, std::string name) {
    const auto trimmed = trimmed_text(name);
    if (!trimmed) return;
    for (const auto& known : names) {
        if (known == *trimmed) return;
    }
    names.push_back(*trimmed);
}

// Media RSS element `name` of an item: in the item, in its <media:group> or in a
// <media:content>, where video feeds (YouTube's among them) keep their only description.
const xmlNode* media_child(const xmlNode* n, std::string_view name) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (is(c, kMedia, name)) return c;
        if (is(c, kMedia, "group") || is(c, kMedia, "content")) {
            if (const xmlNode* inner = media_child(c, name)) return inner;
        }
    }
    return nullptr;
}

// What Media RSS gives an item that has no title or no body of its own.
void add_media_text(const xmlNode* item, json& r) {
    if (const xmlNode* title = media_child(item, "title")) {
        put(r, "title", title_text(text_of(title)));
    }
    if (std::ranges::any_of(kBodyKeys, [&](std::string_view key) { return r.contains(key); })) {
        return;
    }
    if (const xmlNode* text = media_child(item, "description")) {
        put(r, "description", body_text(text));
    }
}

// An RSS <item> (2.0, 0.9x or 1.0) as the record a converter writes for it; `site` is the
// channel's <link>, against which relative links are read.
json rss_item(const xmlNode* item, std::string_view site) {
    json r = json::object();
    std::vector<std::string> authors;
    std::string permalink;
    for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
        if (is(c, "title")) {
            put(r, "title", title_text(text_of(c)));
        } else if (is(c, "link")) {
            put(r, "link", resolved_link(c, text_of(c), site));
        } else if (is(c, "guid") && !r.contains("guid")) {
            std::string guid = text_of(c);
            if (attribute(c, "isPermaLink") != "false") permalink = guid;
            put(r, "guid", std::move(guid));
        } else if (is(c, kContent, "encoded")) {
            put(r, "content", body_text(c));
        } else if (is(c, "description")) {
            put(r, "description", body_text(c));
        } else if (is(c, "pubDate")) {
            put(r, "pubDate", text_of(c));
        } else if (is(c, kDc, "date")) {
            put(r, "date", text_of(c));
        } else if (is(c, "author") || is(c, kDc, "creator")) {
            add_name(authors, text_of(c));
        } else if (is(c, "source")) {
            put(r, "source", text_of(c));  // the outlet an aggregator took the item from
        }
    }
    // A guid is the item's address unless it says otherwise (RSS 2.0), when it is one.
    if (is_web_address(permalink)) {
        put(r, "link", std::move(permalink));
    }
    if (!authors.empty()) r["authors"] = std::move(authors);
    add_media_text(item, r);
    return r;
}

// The names of an Atom element's <author>s.
std::vector<std::string> atom_authors(const xmlNode* n) {
    std::vector<std::string> names;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (!is(c, "author")) continue;
        if (const xmlNode* name = child(c, "name")) add_name(names, text_of(name));
    }
    return names;
}

// An Atom <entry> (1.0 or 0.3) as the record a converter writes for it; `feed_authors` are
// its authors when it names none, as Atom has it.
json atom_entry(const xmlNode* entry, const std::vector<std::string>& feed_authors) {
    json r = json::object();
    std::string updated;
    for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
        if (is(c, "id")) {
            put(r, "id", text_of(c));
        } else if (is(c, "title")) {
            put(r, "title", atom_title(c));
        } else if (is(c, "link")) {
            const std::string rel = attribute(c, "rel");
            if (rel.empty() || rel == "alternate") {
                put(r, "link", resolved_link(c, attribute(c, "href"), {}));
            }
        } else if (is(c, "content")) {
            if (attribute(c, "src").empty()) put(r, "content", atom_text(c));
        } else if (is(c, "summary")) {
            put(r, "summary", atom_text(c));
        } else if (is(c, "published") || is(c, "issued")) {
            put(r, "published", text_of(c));
        } else if (is(c, "updated") || is(c, "modified")) {
            if (updated.empty()) updated = text_of(c);
        } else if (is(c, kDc, "date")) {
            put(r, "date", text_of(c));
        } else if (is(c, "source")) {
            if (const xmlNode* title = child(c, "title")) put(r, "source", text_of(title));
        }
    }
    put(r, "published", std::move(updated));
    auto authors = atom_authors(entry);
    if (authors.empty()) authors = feed_authors;
    if (!authors.empty()) r["authors"] = std::move(authors);
    add_media_text(entry, r);
    return r;
}

// The encoding an XML declaration names ("" when none), lower-cased.
std::string declared_encoding(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!bytes.starts_with("<?xml")) return {};
    const std::string_view decl = bytes.substr(0, bytes.find("?>"));
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    const auto quote = decl.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return {};
    const auto end = decl.find(decl[quote], quote + 1);
    if (end == std::string_view::npos) return {};
    return ascii::lower(decl.substr(quote + 1, end - quote - 1));
}

void read_items(const xmlNode* root, std::string_view origin, FeedDocument& d) {
    if (is(root, "feed")) {
        const xmlNode* title = child(root, "title");
        const auto source = title ? trimmed_text(readable(atom_title(title))) : std::nullopt;
        const auto authors = atom_authors(root);
        for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
            if (is(c, "entry"))
                d.items.push_back(read_feed_item(atom_entry(c, authors), origin, source));
        }
        return;
    }
    // RSS 0.9x and 2.0 keep the items in the channel, RSS 0.9 and 1.0 beside it.
    const bool rdf = is(root, kRdf, "RDF");
    const xmlNode* channel = rdf || is(root, "rss") ? child(root, "channel") : nullptr;
    if (!channel) {
        d.error = "not a feed: the root element is <" + utf8(std::string(as_view(root->name))) +
                  ">, not an RSS <rss> with a <channel>, an RSS 1.0 <rdf:RDF> or an Atom <feed>";
        return;
    }
    const xmlNode* title = child(channel, "title");
    const auto source = title ? trimmed_text(readable(title_text(text_of(title)))) : std::nullopt;
    const xmlNode* link = child(channel, "link");
    const std::string site =
        link ? std::string(trim_field(resolved_link(link, text_of(link), {}))) : std::string{};
    for (const xmlNode* c = (rdf ? root : channel)->children; c != nullptr; c = c->next) {
        if (is(c, "item")) d.items.push_back(read_feed_item(rss_item(c, site), origin, source));
    }
}

// " (line N: what)" for a libxml2 error.
std::string describe(const xmlError& e) {
    if (e.message == nullptr) return {};
    std::string what = utf8(std::string(trim_field(e.message)));
    std::replace(what.begin(), what.end(), '\n', ' ');  // the report has a line per problem
    return " (line " + std::to_string(e.line) + ": " + what + ")";
}

// The first fatal error of a parse (what made the file not well-formed; later ones are often
// its consequences, and libxml2 keeps only the last). A namespace error is no reason to say so.
void keep_first_error(void* context, xmlError* e) {
    auto* first = static_cast<std::string*>(static_cast<xmlParserCtxt*>(context)->_private);
    if (first != nullptr && first->empty() && e != nullptr && e->level == XML_ERR_FATAL) {
        *first = describe(*e);
    }
}

// A parse: the document (null when nothing could be read), the context, and its first error.
struct Parse {
    std::unique_ptr<xmlParserCtxt, FreeContext> context;
    std::unique_ptr<xmlDoc, FreeDoc> doc;
    std::unique_ptr<std::string> first_error = std::make_unique<std::string>();

    const xmlNode* root() const { return doc ? xmlDocGetRootElement(doc.get()) : nullptr; }
    bool well_formed() const { return context->wellFormed != 0; }
    // " (line N: what)" of the first error, or "".
    std::string error() const {
        if (!first_error->empty()) return *first_error;
        const xmlError* e = xmlCtxtGetLastError(context.get());
        return e != nullptr ? describe(*e) : std::string{};
    }
};

Parse parse(std::string_view bytes) {
    static const bool initialised = (xmlInitParser(), true);  // once, before any thread parses
    (void)initialised;
    Parse p;
    p.context.reset(xmlNewParserCtxt());
    if (!p.context) throw std::bad_alloc();
    // The context's own handler, not xmlSetStructuredErrorFunc's, which is per thread.
    p.context->_private = p.first_error.get();
    p.context->sax->serror = keep_first_error;
    p.doc.reset(xmlCtxtReadMemory(p.context.get(), bytes.data(), static_cast<int>(bytes.size()),
                                  nullptr, nullptr, kParseOptions));
    return p;
}

}  // namespace

FeedDocument parse_xml_feed(std::string_view bytes, std::string_view origin) {
    FeedDocument d;
    if (bytes.size() > static_cast<std::size_t>(INT_MAX) / 2) {
        d.error = "too large to read as XML (1 GiB or more)";
        return d;
    }
    std::string repaired;
    const std::string encoding = declared_encoding(bytes);
    if ((encoding.empty() || encoding == "utf-8" || encoding == "utf8") && !is_valid_utf8(bytes)) {
        repaired = repair_utf8(bytes);
        bytes = repaired;
        d.warnings.emplace_back("invalid UTF-8 (bad bytes replaced with U+FFFD)");
    }
    Parse p = parse(bytes);
    if (!p.well_formed()) {
        // Most feeds that are not XML are so for HTML's references or a bare '&'; read them as
        // a browser would, and say what the file's own first error was.
        const std::string own_error = p.error();
        const std::string fixed = with_xml_references(bytes);
        if (fixed != bytes) {
            Parse second = parse(fixed);
            if (second.root() != nullptr) p = std::move(second);
        }
        if (p.root() != nullptr) {
            d.warnings.push_back("not well-formed XML" + own_error +
                                 (p.well_formed()
                                      ? ": HTML character references and bare '&' read as text"
                                      : ": read as far as it could be recovered"));
        }
    }
    const xmlNode* root = p.root();
    if (root == nullptr) {
        d.error = "not valid XML" + p.error();
        return d;
    }
    read_items(root, origin, d);
    return d;
}

}  // namespace news
