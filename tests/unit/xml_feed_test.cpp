// RSS and Atom feeds as publishers serve them, each item read as a feed record is.
#include "core/ingest/xml_feed.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/unit/scratch_path.hpp"

namespace {

std::vector<std::string> xml_ids(const news::FeedDocument& d) {
    std::vector<std::string> ids;
    for (const auto& r : d.items) ids.push_back(r.article ? r.article->id : "error: " + r.error);
    return ids;
}

using Paragraphs = std::vector<std::string>;

}  // namespace

TEST_CASE("xml feed: RSS 2.0 items, the channel's title the source of those that name none") {
    const auto d = news::parse_xml_feed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour &amp; Coast Wire</title>
  <link>https://wire.example/</link>
  <item>
    <title>Ferry strike ends</title>
    <link>https://wire.example/ferry</link>
    <guid isPermaLink="false">wire-1042</guid>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The ferry strike ended on Friday.</p><p>Crews return Monday.</p>]]></content:encoded>
    <pubDate>Fri, 05 Jan 2024 09:30:00 GMT</pubDate>
    <author>jane@wire.example (Jane Doe)</author>
    <dc:creator>Sam Roe</dc:creator>
  </item>
  <item>
    <title>Port &lt;b&gt;reopens&lt;/b&gt;</title>
    <link>https://wire.example/port</link>
    <description>&lt;p&gt;The port reopened.&lt;/p&gt;</description>
    <source url="https://other.example/rss">Other Outlet</source>
  </item>
  <item><guid>https://wire.example/guid-only</guid><title>Permalink</title></item>
  <item><guid isPermaLink="false">https://cms.example/42</guid><title>Not one</title></item>
  <item><description>Neither a guid nor a link.</description></item>
</channel>
</rss>)",
                                        "wire.rss");
    CHECK(d.error.empty());
    CHECK(d.warnings.empty());
    REQUIRE(xml_ids(d) ==
            std::vector<std::string>{"wire-1042", "https://wire.example/port",
                                     "https://wire.example/guid-only", "https://cms.example/42",
                                     R"(error: record has no "id" (nor "guid", "url" or "link"))"});
    const news::Article& a = *d.items[0].article;
    CHECK(a.title == "Ferry strike ends");
    CHECK(a.source == "Harbour & Coast Wire");
    CHECK(a.url == "https://wire.example/ferry");
    CHECK(a.paragraphs == Paragraphs{"The ferry strike ended on Friday.", "Crews return Monday."});
    CHECK(a.published == "2024-01-05");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe", "Sam Roe"});
    CHECK(a.origin == "wire.rss");
    const news::Article& b = *d.items[1].article;
    CHECK(b.title == "Port reopens");
    CHECK(b.source == "Other Outlet");
    CHECK(b.paragraphs == Paragraphs{"The port reopened."});
    // A guid is the item's address unless isPermaLink="false" says it is not.
    CHECK(d.items[2].article->url == "https://wire.example/guid-only");
    CHECK_FALSE(d.items[3].article->url);
}

TEST_CASE("xml feed: markup written into a description unescaped keeps its paragraphs") {
    const auto d = news::parse_xml_feed(
        "<rss><channel><item><guid>m1</guid><title>Raw</title><description><p>First &amp; "
        "one.</p><p>Second <b>one</b>.</p></description></item></channel></rss>",
        "raw.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"m1"});
    CHECK(d.items[0].article->paragraphs == Paragraphs{"First & one.", "Second one."});
}

TEST_CASE("xml feed: RSS 1.0 keeps its items beside the channel, dates and names in Dublin Core") {
    const auto d = news::parse_xml_feed(
        R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Daily</title></channel>
  <item rdf:about="https://rdf.example/a">
    <title>Wombat census</title><link>https://rdf.example/a</link>
    <description>Wombats were counted.</description>
    <dc:date>2023-11-02T08:00:00Z</dc:date><dc:creator>Ana Lee</dc:creator>
  </item>
</rdf:RDF>)",
        "rdf.xml");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"https://rdf.example/a"});
    const news::Article& a = *d.items[0].article;
    CHECK(a.source == "RDF Daily");
    CHECK(a.published == "2023-11-02");
    CHECK(a.authors == std::vector<std::string>{"Ana Lee"});
    CHECK(a.paragraphs == Paragraphs{"Wombats were counted."});
}

TEST_CASE("xml feed: Atom entries, their text constructs, links, dates and authors") {
    const auto d = news::parse_xml_feed(R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Atom &lt;i&gt;Desk&lt;/i&gt;</title>
  <author><name>Desk Editor</name></author>
  <entry>
    <id>tag:atom.example,2024:1</id>
    <title type="html">Rail &lt;em&gt;link&lt;/em&gt; opens</title>
    <link rel="self" href="https://atom.example/api/1"/>
    <link rel="enclosure" href="https://atom.example/1.mp3"/>
    <link href="https://atom.example/1"/>
    <updated>2024-03-09T10:00:00Z</updated>
    <published>2024-03-08T10:00:00Z</published>
    <summary>Teaser.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The line opened.</p><p>Trains run hourly.</p></div></content>
    <author><name>Kim Park</name></author><author><name>Lu Chen</name></author>
  </entry>
  <entry>
    <id>tag:atom.example,2024:2</id>
    <title>a &lt;b&gt; c</title>
    <link rel="alternate" type="text/html" href="https://atom.example/2"/>
    <updated>2024-03-10T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Only a summary.&lt;/p&gt;</summary>
    <source><title>Syndicated Source</title></source>
  </entry>
</feed>)",
                                        "desk.atom");
    CHECK(d.error.empty());
    REQUIRE(xml_ids(d) ==
            std::vector<std::string>{"tag:atom.example,2024:1", "tag:atom.example,2024:2"});
    const news::Article& a = *d.items[0].article;
    CHECK(a.title == "Rail link opens");
    CHECK(a.source == "Atom Desk");
    CHECK(a.url == "https://atom.example/1");
    CHECK(a.published == "2024-03-08");
    CHECK(a.paragraphs == Paragraphs{"The line opened.", "Trains run hourly."});
    CHECK(a.authors == std::vector<std::string>{"Kim Park", "Lu Chen"});
    const news::Article& b = *d.items[1].article;
    CHECK(b.url == "https://atom.example/2");
    CHECK(b.published == "2024-03-10");  // no <published>: <updated> is the date
    CHECK(b.paragraphs == Paragraphs{"Only a summary."});
    CHECK(b.authors == std::vector<std::string>{"Desk Editor"});  // the feed's, as Atom has it
    CHECK(b.source == "Syndicated Source");
    CHECK(b.title == "a <b> c");  // type "text": as written, tags and all
}

TEST_CASE("xml feed: relative links are read against xml:base, or an RSS channel's link") {
    auto d = news::parse_xml_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"
      xml:base="https://atom.example/news/">
  <entry><id>a1</id><title>Root-relative</title><link href="/2024/ferry"/></entry>
  <entry xml:base="world/"><id>a2</id><title>Nested base</title><link href="port?p=2#top"/></entry>
  <entry><id>a3</id><title>Absolute</title><link href="http://other.example/x"/></entry>
  <entry><id>a4</id><title>Scheme-relative</title><link href="//cdn.example/y"/></entry>
</feed>)",
                                  "based.atom");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"a1", "a2", "a3", "a4"});
    CHECK(d.items[0].article->url == "https://atom.example/2024/ferry");
    CHECK(d.items[1].article->url == "https://atom.example/news/world/port?p=2#top");
    CHECK(d.items[2].article->url == "http://other.example/x");
    CHECK(d.items[3].article->url == "https://cdn.example/y");

    // RSS without xml:base: the channel's own address is the base, as feed readers take it;
    // an item without a guid has the resolved address as its id.
    d = news::parse_xml_feed(R"(<rss version="2.0"><channel>
  <title>Relative Wire</title><link> https://wire.example/home/ </link>
  <item><title>One</title><link>/story/1</link></item>
  <item><title>Two</title><link>story/2</link><guid isPermaLink="false">g2</guid></item>
  <item xml:base="https://mirror.example/"><title>Three</title><link>3</link></item>
</channel></rss>)",
                             "relative.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"https://wire.example/story/1", "g2",
                                                   "https://mirror.example/3"});
    CHECK(d.items[1].article->url == "https://wire.example/home/story/2");
    CHECK(d.items[2].article->url == "https://mirror.example/3");

    // Nothing to resolve against: kept as written (the page shows only web addresses).
    d = news::parse_xml_feed(
        "<rss><channel><item><link>/lonely</link><title>T</title></item></channel></rss>",
        "baseless.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"/lonely"});
    CHECK(d.items[0].article->url == "/lonely");
}

TEST_CASE("xml feed: Media RSS gives the title and body of items that have none of their own") {
    // A video feed as YouTube serves it: the description only in <media:group>.
    auto d = news::parse_xml_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"
      xmlns:media="http://search.yahoo.com/mrss/">
  <title>Launch Channel</title>
  <entry><id>yt:video:1</id><title>Launch day</title>
    <link rel="alternate" href="https://video.example/watch?v=1"/>
    <published>2024-05-01T08:00:00+00:00</published>
    <media:group><media:title>Launch day</media:title>
      <media:description>The rocket left the coast on Friday morning.</media:description>
    </media:group></entry>
</feed>)",
                                  "videos.atom");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"yt:video:1"});
    CHECK(d.items[0].article->paragraphs ==
          Paragraphs{"The rocket left the coast on Friday morning."});
    CHECK(d.items[0].article->title == "Launch day");

    d = news::parse_xml_feed(R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Photo Desk</title>
  <item><guid>m1</guid>
    <media:content url="https://p.example/1.jpg"><media:title type="html">Harbour &lt;b&gt;at dawn&lt;/b&gt;</media:title>
      <media:description>Fishing boats return to the harbour at dawn.</media:description></media:content></item>
  <item><guid>m2</guid><title>Own title</title>
    <media:group><media:title>Media title</media:title><media:description>Media text.</media:description></media:group>
    <description>The item's own description.</description></item>
</channel></rss>)",
                             "photos.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"m1", "m2"});
    CHECK(d.items[0].article->title == "Harbour at dawn");
    CHECK(d.items[0].article->paragraphs ==
          Paragraphs{"Fishing boats return to the harbour at dawn."});
    // The item's own title and description come first, wherever the media elements stand.
    CHECK(d.items[1].article->title == "Own title");
    CHECK(d.items[1].article->paragraphs == Paragraphs{"The item's own description."});
}

TEST_CASE(
    "xml feed: the encoding the file declares is read, bad UTF-8 is replaced with a warning") {
    auto d = news::parse_xml_feed(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xE9</title>"
        "<item><guid>l1</guid><title>Cr\xE8me br\xFBl\xE9\x65</title></item></channel></rss>",
        "latin1.xml");
    CHECK(d.warnings.empty());
    REQUIRE(xml_ids(d) == std::vector<std::string>{"l1"});
    CHECK(d.items[0].article->title == "Crème brûlée");
    CHECK(d.items[0].article->source == "Café");
    d = news::parse_xml_feed(
        "<rss><channel><item><guid>u1</guid><title>Bad \xFF byte</title></item></channel></rss>",
        "bad.xml");
    CHECK(d.warnings == std::vector<std::string>{"invalid UTF-8 (bad bytes replaced with U+FFFD)"});
    REQUIRE(xml_ids(d) == std::vector<std::string>{"u1"});
    CHECK(d.items[0].article->title == "Bad \xEF\xBF\xBD byte");
    // A declaration libxml2 cannot read: it passes the bytes through, and they are replaced.
    d = news::parse_xml_feed(
        "<?xml version=\"1.0\" encoding=\"latin 1\"?><rss><channel><item><guid>n1</guid>"
        "<title>Caf\xE9 au lait</title></item></channel></rss>",
        "odd.xml");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"n1"});
    CHECK(d.items[0].article->title == "Caf\xEF\xBF\xBD au lait");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find('\n') == std::string::npos);  // one line in the indexer's report
    // An encoding it does not know: the file cannot be read.
    d = news::parse_xml_feed(
        "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><rss><channel></channel></rss>",
        "unknown.xml");
    CHECK(d.error == "not valid XML (line 1: Unsupported encoding no-such-charset)");
}

TEST_CASE("xml feed: HTML's references and a bare '&' are read as a browser reads them") {
    const auto d = news::parse_xml_feed(
        "<rss><channel><title>Caf&eacute; Wire</title>"
        "<item><guid>r1</guid><title>Q&A: the &ldquo;port&rdquo;&nbsp;deal</title>"
        "<link>https://w.example/?id=1&ref=rss</link><description>AT&T &copy; 2024</description>"
        "</item></channel></rss>",
        "loose.rss");
    CHECK(d.error.empty());
    CHECK(d.warnings ==
          std::vector<std::string>{"not well-formed XML (line 1: Entity 'eacute' not defined): "
                                   "HTML character references and bare '&' read as text"});
    REQUIRE(xml_ids(d) == std::vector<std::string>{"r1"});
    const news::Article& a = *d.items[0].article;
    CHECK(a.source == "Café Wire");
    CHECK(a.title == "Q&A: the \u201Cport\u201D deal");
    CHECK(a.url == "https://w.example/?id=1&ref=rss");
    CHECK(a.paragraphs == Paragraphs{"AT&T \u00A9 2024"});
}

TEST_CASE("xml feed: a file broken past repair is read as far as it can be, with a warning") {
    const auto d = news::parse_xml_feed(
        "<rss><channel><item><guid>r1</guid><title>Fine</title></item>"
        "<item><guid>r2</guid><title>Unclosed <b>tag</title></item></channel></rss>",
        "broken.rss");
    CHECK(d.error.empty());
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].starts_with("not well-formed XML (line 1: "));
    CHECK(d.warnings[0].ends_with("): read as far as it could be recovered"));
    REQUIRE_FALSE(d.items.empty());
    CHECK(d.items[0].article->title == "Fine");
}

TEST_CASE("xml feed: what is not XML, or not a feed, is one error") {
    auto d = news::parse_xml_feed("just some words", "words.xml");
    CHECK(d.error.starts_with("not valid XML (line 1: "));
    CHECK(d.items.empty());
    d = news::parse_xml_feed(
        R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>)",
        "sitemap.xml");
    CHECK(d.error ==
          "not a feed: the root element is <urlset>, not an RSS <rss> with a <channel>, an RSS "
          "1.0 <rdf:RDF> or an Atom <feed>");
    d = news::parse_xml_feed("<rss version=\"2.0\"><item/></rss>", "nochannel.rss");
    CHECK(d.error.starts_with("not a feed: the root element is <rss>"));
    d = news::parse_xml_feed("<rss><channel><title>Empty</title></channel></rss>", "empty.rss");
    CHECK(d.error.empty());
    CHECK(d.items.empty());
}

TEST_CASE("xml feed: no external entity is read and no entity is expanded without bound") {
    // An external entity naming a local file: its text must not reach the article.
    const news::testing::ScratchPath secret("news-xml-secret");
    std::ofstream(secret.path()) << "private words";
    auto d = news::parse_xml_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY leak SYSTEM \"file://" + secret.string() +
            "\">]><rss><channel><item><guid>x1</guid><title>T</title>"
            "<description>Before &leak; after.</description></item>"
            "</channel></rss>",
        "xxe.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"x1"});
    CHECK(d.items[0].article->paragraphs == Paragraphs{"Before  after."});
    // Entities of entities ("billion laughs"): 10^9 copies if expanded.
    std::string doctype = "<!DOCTYPE rss [<!ENTITY l0 \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        doctype += "<!ENTITY l" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&l" + std::to_string(i - 1) + ";";
        doctype += "\">";
    }
    doctype += "]>";
    d = news::parse_xml_feed(
        doctype +
            "<rss><channel><item><guid>b1</guid><title>Laughs</title>"
            "<description>Some &l9; text.</description></item></channel></rss>",
        "laughs.rss");
    REQUIRE(xml_ids(d) == std::vector<std::string>{"b1"});
    for (const auto& p : d.items[0].article->paragraphs) CHECK(p.size() < 100);
}
