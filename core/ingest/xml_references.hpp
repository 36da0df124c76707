#pragma once
// Feeds are often not quite XML: their writers use HTML's character references (&eacute;,
// &nbsp;, &copy;), which XML does not know without a DTD, and a bare '&' ("Q&A", a link's
// "?a=1&b=2"). A strict parser drops such text or stops at it. This is the repair a lenient
// feed reader makes before parsing again.

#include <string>
#include <string_view>

namespace news {

// `xml` with what only HTML allows made well-formed XML: a named HTML reference becomes the
// numeric reference of its character (so the file's declared encoding still holds), a no-break
// space a space, and an '&' that starts no reference "&amp;". XML's own five references,
// numeric ones, the entities the DOCTYPE declares and the insides of CDATA sections, comments,
// processing instructions and the DOCTYPE are left as they are.
std::string with_xml_references(std::string_view xml);

}  // namespace news
