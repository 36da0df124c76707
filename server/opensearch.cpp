#include "server/opensearch.hpp"

#include "server/xml_text.hpp"

namespace news {
namespace {

void url(std::string& out, std::string_view type, std::string_view base_url, std::string_view path,
         std::string_view rel = {}) {
    out.append("  <Url type=\"").append(type).append("\"");
    if (!rel.empty()) out.append(" rel=\"").append(rel).append("\"");
    out += " template=\"";
    append_xml(out, base_url);
    append_xml(out, path);
    out += "\"/>\n";
}

}  // namespace

std::string opensearch_description(std::string_view base_url) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n";
    out += "  <ShortName>News search</ShortName>\n";
    out += "  <Description>Search the news articles of this server.</Description>\n";
    out += "  <InputEncoding>UTF-8</InputEncoding>\n";
    url(out, "text/html", base_url, "/?q={searchTerms}");
    url(out, "application/atom+xml", base_url, "/api/feed?q={searchTerms}");
    url(out, "application/opensearchdescription+xml", base_url, "/opensearch.xml", "self");
    out += "</OpenSearchDescription>\n";
    return out;
}

}  // namespace news
