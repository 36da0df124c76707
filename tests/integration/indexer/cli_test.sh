#!/usr/bin/env bash
# usage: cli_test.sh INDEXER CORPUS_DIR — each check prints ok/FAIL; exits non-zero on any FAIL.
set -u
indexer=$1 corpus=$2
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
# shellcheck source=SCRIPTDIR/../checks.sh
. "$(dirname "$0")/../checks.sh"

cp -r "$corpus" "$work/in"
db=$work/db
"$indexer" index --quiet --db "$db" "$work/in" >"$work/out1" 2>&1; rc=$?
check "first run exits 0" test $rc -eq 0
check "first run indexes the bundled pages" contains "$work/out1" "indexed 11,"
check "first run finds the duplicate story" contains "$work/out1" "duplicate clusters 1"

"$indexer" index --quiet --db "$db" "$work/in" >"$work/out2" 2>&1; rc=$?
check "re-run exits 0" test $rc -eq 0
check "re-run says nothing changed" contains "$work/out2" "nothing changed"

printf '\nAn added closing paragraph of a corrected story that changes the page text.\n' >>"$work/in/004_c3e94b2513e9714b.txt"
"$indexer" index --quiet --db "$db" "$work/in" >"$work/out3" 2>&1
check "a changed page is updated" contains "$work/out3" "updated 1,"

rm "$work/in/003_d492c961cc4743f7.txt"
"$indexer" index --quiet --db "$db" --prune "$work/in" >"$work/out4" 2>&1
check "--prune removes a deleted page's article" contains "$work/out4" "removed 1,"
"$indexer" search --db "$db" ASEAN Hyundai >"$work/search" 2>&1
check "the pruned article is not found" contains "$work/search" "^0 matching"

# Bad inputs: each reported with its file (and line), the rest indexed, exit 1.
mkdir "$work/bad"
: >"$work/bad/empty.txt"
printf 'binary\0data\0' >"$work/bad/binary.txt"
printf 'Broken bytes \xff in a headline\nA paragraph of text with a broken \xfe byte in it.\n' >"$work/bad/latin.txt"
printf '{"id":"ok1","title":"Fine","body":"A good record."}\n{not json\n{"title":"no id"}\n{"id":"odd","title":"Odd source","body":"A sturdy entry.","source":5}\n' >"$work/bad/feed.jsonl"
"$indexer" index --quiet --db "$work/db2" "$work/bad" >"$work/out5" 2>&1; rc=$?
check "bad inputs exit 1" test $rc -eq 1
check "empty file reported" contains "$work/out5" "empty.txt"
check "binary file reported" contains "$work/out5" "binary.txt"
check "invalid UTF-8 repaired with a warning" contains "$work/out5" "latin.txt"
check "unparsable JSON Lines line reported with its number" contains "$work/out5" "feed.jsonl:2"
check "the good record is indexed" test "$("$indexer" search --db "$work/db2" good record | head -1 | cut -d' ' -f1)" = 1
check "a field of an odd type is reported with its line" contains "$work/out5" 'feed.jsonl:4: record "odd": "source" is not a string'
check "its record is indexed without it" test "$("$indexer" search --db "$work/db2" sturdy | head -1 | cut -d' ' -f1)" = 1

# A feed as one JSON document (.json): a JSON Feed and a NewsAPI response in a directory,
# indexed with the rest; a .json that is not a feed is reported and skipped; unchanged on re-run.
mkdir "$work/docs"
printf '{"version":"https://jsonfeed.org/version/1.1","title":"Quoll Weekly","items":[{"id":"q1","title":"Quolls return","content_html":"<p>Quolls returned to the valley.</p>"}]}\n' >"$work/docs/feed.json"
printf '{"status":"ok","articles":[{"source":{"name":"Numbat News"},"title":"Numbats thrive","url":"https://n.example/1","content":"Numbats thrive in the reserve."},{"title":"no address"}]}\n' >"$work/docs/top.json"
printf '{"name":"not-a-feed","version":"1.0.0"}\n' >"$work/docs/package.json"
"$indexer" index --quiet --db "$work/db4" "$work/docs" >"$work/out8" 2>&1; rc=$?
check "JSON documents: a skipped item or file exits 1" test $rc -eq 1
check "JSON documents: both feeds' articles are indexed" contains "$work/out8" "indexed 2,"
check "JSON documents: a bad item is reported with its number" contains "$work/out8" 'top.json: item 2: record has no "id"'
check "JSON documents: a .json that is not a feed is reported" contains "$work/out8" "package.json: not a feed"
"$indexer" search --db "$work/db4" quolls >"$work/search2" 2>&1
check "JSON documents: the feed's title is its items' source" contains "$work/search2" "Quoll Weekly"
check "JSON documents: NewsAPI's URL is the id" test "$("$indexer" search --db "$work/db4" numbats | head -1 | cut -d' ' -f1)" = 1
"$indexer" index --quiet --db "$work/db4" "$work/docs/feed.json" >"$work/out9" 2>&1
check "JSON documents: an unchanged feed is not read again" contains "$work/out9" "nothing changed"

# RSS and Atom files as publishers serve them (.rss, .atom, .xml): a Latin-1 RSS feed with
# HTML's references, an Atom feed, a sitemap that is not a feed; unchanged on re-run.
mkdir "$work/xml"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Gazette du caf\xe9</title>\n<item><guid>g1</guid><title>Cr\xe8me br\xfbl\xe9e &amp; caf&eacute; prices rise</title><link>https://g.example/1?a=1&b=2</link><description>&lt;p&gt;Prices of cr\xe8me br\xfbl\xe9e rose.&lt;/p&gt;</description><pubDate>Tue, 09 Jan 2024 08:00:00 GMT</pubDate></item>\n</channel></rss>\n' >"$work/xml/gazette.rss"
printf '<feed xmlns="http://www.w3.org/2005/Atom"><title>Bilby Bulletin</title><author><name>Desk</name></author><entry><id>urn:b1</id><title>Bilbies bounce back</title><link href="https://b.example/1"/><updated>2024-02-01T00:00:00Z</updated><content type="html">&lt;p&gt;Bilbies bounced back in the desert.&lt;/p&gt;</content></entry></feed>\n' >"$work/xml/bulletin.atom"
printf '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.example/</loc></url></urlset>\n' >"$work/xml/sitemap.xml"
"$indexer" index --quiet --db "$work/db5" "$work/xml" >"$work/out10" 2>&1; rc=$?
check "RSS and Atom: a skipped file exits 1" test $rc -eq 1
check "RSS and Atom: both feeds' articles are indexed" contains "$work/out10" "indexed 2,"
check "RSS and Atom: HTML's references are reported and read" contains "$work/out10" "gazette.rss: not well-formed XML (line 3: .*): HTML character references and bare '&' read as text"
check "RSS and Atom: an XML file that is not a feed is reported" contains "$work/out10" "sitemap.xml: not a feed: the root element is <urlset>"
"$indexer" search --db "$work/db5" "crème brûlée" >"$work/search3" 2>&1
check "RSS and Atom: a Latin-1 feed is read in its encoding" contains "$work/search3" "brûlée\* & café prices rise"
check "RSS and Atom: the channel's title is the source" contains "$work/search3" "Gazette du café"
"$indexer" search --db "$work/db5" bilbies >"$work/search4" 2>&1
check "RSS and Atom: an Atom entry is found" contains "$work/search4" "Bilbies\* bounce back  (Bilby Bulletin)"
"$indexer" index --quiet --db "$work/db5" "$work/xml/gazette.rss" "$work/xml/bulletin.atom" >"$work/out11" 2>&1
check "RSS and Atom: unchanged feeds are not read again" contains "$work/out11" "nothing changed"

# The write lock: a second indexer on the same database is refused while the first runs.
awk 'BEGIN { for (i = 1; i <= 20000; i++)
  printf "{\"id\":\"n%d\",\"title\":\"Story %d\",\"body\":\"Words of story %d about markets and trade.\"}\n", i, i, i }' >"$work/big.jsonl"
"$indexer" index --quiet --db "$work/db3" "$work/big.jsonl" >"$work/first" 2>&1 &
first=$!
sleep 0.3
"$indexer" index --quiet --db "$work/db3" "$work/in" >"$work/out6" 2>&1; rc=$?
check "a second indexer exits 2" test $rc -eq 2
check "a second indexer says the database is locked" contains "$work/out6" "locked by another indexer"
wait "$first"; rc=$?
check "the first indexer finishes its run" test $rc -eq 0
check "nothing is lost" contains "$work/first" "indexed 20000,"

"$indexer" index --db "$db" /nonexistent/input >"$work/out7" 2>&1; rc=$?
check "a missing input is reported" contains "$work/out7" "/nonexistent/input"
check "bad arguments exit 2" test "$("$indexer" index >/dev/null 2>&1; echo $?)" -eq 2

"$indexer" clean "$work/in" >"$work/out8" 2>&1; rc=$?
check "clean of a directory exits 2" test $rc -eq 2
check "clean of a directory says so" contains "$work/out8" "is a directory"
"$indexer" search --db "$db" --limit 0 Nissan >"$work/out9" 2>&1; rc=$?
check "a bad --limit exits 2" test $rc -eq 2
check "a bad --limit is named as the flag" contains "$work/out9" "^indexer search: --limit must be"

summary
