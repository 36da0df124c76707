#pragma once
// The Xapian index schema, defined once for the indexer and the server.
// docs/index-schema.md explains each entry; change both together.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/dedupe/hash.hpp"

namespace news::schema {

// ---- Term prefixes (Xapian/Omega conventions where one exists) ----
// Free-text fields: positional, stemmed ("Z" + prefix for stems), also indexed unprefixed.
inline constexpr std::string_view kTitle = "S";    // title:   (Omega's "subject/title")
inline constexpr std::string_view kAuthor = "A";   // author:
inline constexpr std::string_view kSource = "XO";  // source:  (outlet words)
// Boolean filter terms: exact, lower-cased, whole value after the prefix.
inline constexpr std::string_view kId = "Q";             // unique id term (Omega's "Q")
inline constexpr std::string_view kSourceFilter = "XS";  // XS + lower-cased source name
inline constexpr std::string_view kAuthorFilter = "XA";  // XA + lower-cased author name
inline constexpr std::string_view kOriginFilter =
    "XF";  // XF + origin file name (for replace/prune)
inline constexpr std::string_view kClusterFilter = "XC";  // XC + duplicate-cluster key
inline constexpr std::string_view kEmbeddedFilter =
    "XE";  // XE + id of the page a story was embedded in
// Synonym concept terms: XY + group name, added to a document containing any form of the group
// and the target of every synonym-table entry (core/index/synonyms.hpp).
inline constexpr std::string_view kSynonymConcept = "XY";

// ---- Value slots ----
inline constexpr Xapian::valueno kSlotCluster = 0;  // duplicate-cluster key (string; collapse key)
inline constexpr Xapian::valueno kSlotDate =
    1;  // sortable_serialise(days since 1970-01-01), when known
inline constexpr Xapian::valueno kSlotSource = 2;  // source name as shown (facet counting)
inline constexpr Xapian::valueno kSlotHash =
    3;  // hash of the cleaned article and kSchemaVersion (incremental)
inline constexpr Xapian::valueno kSlotSignature =
    4;  // near-duplicate fingerprint (core/dedupe/fingerprint.hpp)
// {"id","source","title"} as JSON: what a result lists of each of its duplicates, read without
// the whole article.
inline constexpr Xapian::valueno kSlotSummary = 5;
// The article as JSON (what /api/articles returns). In a value slot, not the document data:
// Xapian compresses document data with zlib, and inflating the ten hits of a page was a sixth
// of a search; values are stored as they are. Indexes written before have it as document data.
inline constexpr Xapian::valueno kSlotArticle = 6;
// When the indexer wrote this version of the article (RFC 3339, UTC; the run's start): a feed
// entry's updated time when the article gives no date. An unchanged article is not rewritten,
// so it keeps its time. Indexes written before have none.
inline constexpr Xapian::valueno kSlotIndexed = 7;

// ---- Database metadata keys ----
inline constexpr std::string_view kMetaSchemaVersion = "news.schema_version";
inline constexpr std::string_view kMetaLastIndexed = "news.last_indexed";  // ISO 8601 UTC
inline constexpr std::string_view kMetaFileHashPrefix =
    "news.file:";  // + file key -> "<hash> <articles>"
inline constexpr std::string_view kMetaSpellingVariants =
    "news.spelling_variants";  // "brit=amer" lines
inline constexpr std::string_view kMetaArticleCount =
    "news.article_count";  // decimal, after each run

// Bumped whenever the same input comes to make different articles (a cleaning rule, how a
// feed's fields are read) or different terms. It is part of the hash kept for each file and
// each document, so the first run of a newer indexer reads every file again, once, and
// rewrites its documents. 2: feeds' written dates are dates; hyphenated compounds are also
// indexed joined. 3: pages' date lines, bylines of several authors, standfirsts, wire
// datelines' outlets and more furniture (docs/cleaning.md). 4: letters with diacritics are
// indexed as ASCII ("café" as "cafe"). 5: names of capitals joined by '&' as one word ("ATT").
// 6: character references decoded ("Pel&#233;" is "Pelé"); feeds' HTML bodies read as text;
// duplicate fingerprints hold a lead key and a size, so a story's takes share a cluster. 7: a
// feed record's body may be under "content", "text", "description" or "summary". 8: JSON Feed's,
// NewsAPI's and RSS's names for a record's fields; without an id or guid, its URL is its id; an
// RSS author's address and NewsAPI's cut marker dropped (core/ingest/feed_text.hpp); a title
// derived when a record has none; a body's text may be objects with a "value" (feedparser); a
// link may be Atom's link objects. 9: relative links of RSS and Atom files resolved. 10: pages'
// related stories anchored by a date line, or titled above their anchor. 11: Media RSS's title
// and description for items without their own.
inline constexpr int kSchemaVersion = 11;

// `content_hash` tied to kSchemaVersion, as 16 hex digits.
inline std::string versioned_hash(std::uint64_t content_hash) {
    return hex64(hash64(hex64(content_hash) + "/" + std::to_string(kSchemaVersion)));
}

// Within-document weight of title words relative to body words (wdf increment).
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace news::schema
