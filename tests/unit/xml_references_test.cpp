// The repair of feeds that are not quite XML: HTML's references and bare '&'.
#include "core/ingest/xml_references.hpp"

#include <doctest/doctest.h>

TEST_CASE("xml references: HTML names become numbers, a bare '&' text, XML's own stay") {
    CHECK(news::with_xml_references("<t>Caf&eacute;&nbsp;&copy;</t>") == "<t>Caf&#233; &#169;</t>");
    CHECK(news::with_xml_references(R"(<a href="?a=1&b=2">Q&A; AT&T &</a>)") ==
          R"(<a href="?a=1&amp;b=2">Q&amp;A; AT&amp;T &amp;</a>)");
    const std::string_view valid = "<t a='&quot;'>&amp; &lt; &gt; &apos; &#233; &#xE9;</t>";
    CHECK(news::with_xml_references(valid) == valid);
    CHECK(news::with_xml_references("&#; &#xZ1; &#12") == "&amp;#; &amp;#xZ1; &amp;#12");
}

TEST_CASE("xml references: CDATA, comments, instructions and the DOCTYPE are left as written") {
    const std::string_view verbatim =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY own \"x&amp;y\">]>"
        "<r><![CDATA[a&b &eacute;]]><!-- c&d --><?pi e&f?></r>";
    CHECK(news::with_xml_references(verbatim) == verbatim);
    // An entity the DOCTYPE declares is the parser's; a parameter entity's name is not one.
    CHECK(news::with_xml_references("<!DOCTYPE r [<!ENTITY own \"x\"><!ENTITY % pe \"y\">]>"
                                    "<r>&own; &pe;</r>") ==
          "<!DOCTYPE r [<!ENTITY own \"x\"><!ENTITY % pe \"y\">]><r>&own; &amp;pe;</r>");
    // Unterminated markup runs to the end, as the parser will read it.
    CHECK(news::with_xml_references("<r><![CDATA[a&b") == "<r><![CDATA[a&b");
}
