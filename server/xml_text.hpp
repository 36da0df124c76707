#pragma once
// Text as the XML documents the server writes hold it (the Atom feed, the OpenSearch
// description): escaped for element content and attribute values alike, and without what the
// XML 1.0 grammar forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF), so that one
// article's stray control byte cannot stop a reader's strict parser.

#include <string>
#include <string_view>

namespace news {

void append_xml(std::string& out, std::string_view text);

}  // namespace news
