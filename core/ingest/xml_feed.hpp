#pragma once
// A feed as publishers serve it: an RSS 2.0 (or 0.91/0.92), RSS 1.0 (RDF) or Atom file (.xml,
// .rss, .atom). Each item becomes the record a converter would write for it (title, link, guid
// or id, content:encoded / content, description / summary / media:description, pubDate /
// published / updated / dc:date, author / dc:creator / Atom authors, the item's own source) and
// is read by the JSON Lines rules (core/ingest/jsonl.hpp), so an HTML body, an RSS
// "jane@example.org (Jane Doe)" author or a missing title is handled as in any feed. The
// channel's title is the source of items that name none; an Atom entry without authors takes
// the feed's. A relative link is read against the xml:base in scope, else against an RSS
// channel's own <link>.
//
// Parsed with libxml2, which reads the encoding the file declares. It never fetches anything
// (no network, no external entities, no DTD) and leaves entity references other than XML's own
// out of the text, so a hostile file cannot read local files or expand without bound.

#include <string_view>

#include "core/ingest/feed_document.hpp"

namespace news {

// `bytes` is the file as read, in the encoding its XML declaration names (UTF-8 when none);
// bytes that are not UTF-8 in a UTF-8 file are replaced, with a warning. `origin` is the file's
// name. A file libxml2 can only partly read gives what it recovered, with a warning.
FeedDocument parse_xml_feed(std::string_view bytes, std::string_view origin);

}  // namespace news
