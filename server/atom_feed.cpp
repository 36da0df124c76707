#include "server/atom_feed.hpp"

#include <nlohmann/json.hpp>

#include "core/model/published_date.hpp"
#include "core/text/percent_encode.hpp"
#include "server/xml_text.hpp"

namespace news {
namespace {

using nlohmann::json;

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text, std::string_view type = {}) {
    out.append(indent).append("<").append(name);
    if (!type.empty()) out.append(" type=\"").append(type).append("\"");
    out += '>';
    append_xml(out, text);
    out.append("</").append(name).append(">\n");
}

void link(std::string& out, std::string_view indent, std::string_view rel, std::string_view type,
          std::string_view href) {
    out.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type);
    out += "\" href=\"";
    append_xml(out, href);
    out += "\"/>\n";
}

void author(std::string& out, std::string_view indent, std::string_view name) {
    out.append(indent).append("<author>");
    element(out, "", "name", name);
    out.pop_back();  // the name's newline: one line per author
    out.append("</author>\n");
}

// The hit's title is HTML with the query's words in <mark>; a reader shows a title as it is.
std::string without_marks(std::string html) {
    for (const std::string_view tag : {"<mark>", "</mark>"}) {
        for (auto at = html.find(tag); at != std::string::npos; at = html.find(tag, at)) {
            html.erase(at, tag.size());
        }
    }
    return html;
}

std::string string_or_empty(const json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}

// Midnight UTC of a dated hit, or empty for an undated one.
std::string published_time(const json& hit) {
    const auto day = string_or_empty(hit.value("published", json()));
    return iso_date_days(day) && day.size() == 10 ? day + "T00:00:00Z" : std::string();
}

// "2026-12-07T15:30:02Z", as the indexer writes its times; anything else is not trusted.
bool utc_time(std::string_view text) {
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
    }
    const auto number = [&](std::size_t at) {
        return (text[at] - '0') * 10 + (text[at + 1] - '0');
    };
    // The shape alone lets "25:61:99" through, which a reader would reject or misplace.
    return iso_date_days(text.substr(0, 10)).has_value() && number(11) < 24 && number(14) < 60 &&
           number(17) < 60;
}

// Readers mark an entry whose time moves as changed: an undated article keeps the time the
// indexer wrote it, which an incremental run that leaves it alone does not move.
std::string updated_time(const json& hit, const std::string& published, const FeedInfo& info) {
    if (!published.empty()) return published;
    const auto indexed = string_or_empty(hit.value("indexed", json()));
    return utc_time(indexed) ? indexed : info.index_updated;
}

void entry(std::string& out, const json& hit, const FeedInfo& info) {
    const auto id = percent_encode(string_or_empty(hit.value("id", json())));
    const auto published = published_time(hit);
    std::string page = info.base_url + "/?article=" + id;
    if (!info.q.empty()) page += "&q=" + percent_encode(info.q);

    out += "  <entry>\n";
    element(out, "    ", "id", info.base_url + "/api/articles/" + id);
    element(out, "    ", "title", without_marks(string_or_empty(hit.value("title", json()))),
            "html");
    link(out, "    ", "alternate", "text/html", page);
    element(out, "    ", "updated", updated_time(hit, published, info));
    if (!published.empty()) element(out, "    ", "published", published);
    const auto authors = hit.value("authors", json::array());
    for (const auto& name : authors) {
        if (name.is_string()) author(out, "    ", name.get<std::string>());
    }
    const auto source = string_or_empty(hit.value("source", json()));
    if (authors.empty() && !source.empty()) author(out, "    ", source);
    element(out, "    ", "summary", string_or_empty(hit.value("snippet", json())), "html");
    out += "  </entry>\n";
}

std::string subtitle(const json& result) {
    const auto total = result.value("total", json::object()).value("estimated", 0LL);
    return std::to_string(total) + (total == 1 ? " matching article" : " matching articles");
}

}  // namespace

std::string atom_feed(const json& result, const FeedInfo& info) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    const auto self =
        info.base_url + "/api/feed" + (info.self_query.empty() ? "" : "?" + info.self_query);
    element(out, "  ", "id", self);
    element(out, "  ", "title", info.title);
    element(out, "  ", "subtitle", subtitle(result));
    link(out, "  ", "self", "application/atom+xml", self);
    link(out, "  ", "alternate", "text/html",
         info.base_url + "/" + (info.page_query.empty() ? "" : "?" + info.page_query));
    // The feed changes only when the index does, whatever the dates its articles give.
    element(out, "  ", "updated", info.index_updated);
    author(out, "  ", "News search");
    element(out, "  ", "generator", "news-search");
    for (const auto& hit : result.value("hits", json::array())) entry(out, hit, info);
    out += "</feed>\n";
    return out;
}

}  // namespace news
