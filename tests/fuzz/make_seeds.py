#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the fuzz targets into corpus/<target>/.

Run it again after changing it; the files are checked in so that builds need no Python.
The bundled pages (data/corpus/) are passed to fuzz_clean_page as a further seed directory
rather than copied here.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

ODD_UTF8 = [
    b"\xef\xbb\xbfTitle with a BOM\n\nBody text.\n",
    b"Overlong slash \xc0\xaf and NUL-ish \xc0\x80 sequences\n",
    b"Lone surrogate \xed\xa0\x80 and \xed\xbf\xbf halves\n",
    b"Truncated \xe2\x82 euro and \xf0\x9f\x98 emoji at the end \xe2",
    b"Beyond U+10FFFF \xf4\x90\x80\x80 and \xf8\x88\x80\x80\x80 five-byte\n",
    b"Bare continuation \x80\x81\xbf bytes\n",
    "Zero\u200bwidth\u200d joiners, \u202eRTL override\u202c, combining e\u0301\u0301\u0301\n".encode(),
    "Curly \u201cquotes\u201d \u2018single\u2019 \u2014 dashes \u2013 and \u2026 ellipsis\n".encode(),
    "Full-width \uff26\uff4f\uff58\uff43\uff4f\uff4e\uff4e and CJK \u9d3b\u6d77 \u65e5\u7523\n".encode(),
    "Emoji \U0001F600\U0001F469\u200d\U0001F4BB flags \U0001F1EF\U0001F1F5\n".encode(),
]

NUL_BYTES = [
    b"Title\x00with NUL\n\nParagraph \x00\x00 with NULs inside.\n",
    b"\x00" * 512,
    b"Advertisement\x00\nRelated Articles\x00\n\x00\n",
]


def huge_line(n=200_000):
    return ("word " * (n // 5)).encode()


def nested(depth, open_s, close_s, middle="x"):
    return open_s * depth + middle + close_s * depth


def write(target, name, data):
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def clean_page_seeds():
    for i, s in enumerate(ODD_UTF8):
        write("clean_page", f"utf8_{i:02}", s)
    for i, s in enumerate(NUL_BYTES):
        write("clean_page", f"nul_{i:02}", s)
    write("clean_page", "huge_line", huge_line())
    write("clean_page", "huge_title_line", b"A" * 100_000 + b"\n\nBody.\n")
    write("clean_page", "many_blank_lines", b"\n" * 50_000 + b"Title\n")
    write("clean_page", "crlf", b"Title\r\n\r\nBy Jane Doe\r\nPara one.\r\n\rPara two.\r\n")
    write("clean_page", "nested_quotes", nested(2000, '"', '"') + "\n" + nested(2000, "\u201c", "\u201d"))
    write("clean_page", "nested_parens", nested(5000, "(", ")") + "\n" + nested(5000, "[", "]"))
    write("clean_page", "unbalanced", "(" * 3000 + "\u201c" * 3000 + "\n")
    chrome = [
        "Related Articles", "Advertisement", "Hashtags", "Comments", "No comments yet...",
        "Suggested reads", "Latest Stories", "Weekly Best Articles", "Popular Now", "Must-Reads",
        "Share it on", "Leave a Reply", "Try Our AI Features",
    ]
    write("clean_page", "only_chrome", "\n".join(chrome) + "\n")
    write("clean_page", "related_repeated", "Title\n\nBody.\n" + "Related Articles\nT\nFT\n" * 500)
    write("clean_page", "bylines", "Headline\nBy \nBy ,,,\nBy A and B and C and \nwriter@\n@\n")
    write("clean_page", "dates", "Nikkei Asia2 days ago\n99999999 days ago\n-1 hours ago\n")
    write("clean_page", "header_furniture",
          "Home > > Autos\n >  > \nA  B  C\nT T\nT T\nBy A, , and | \nBy Jane Doe |\n"
          "By Jane Doe \u2014 \nUpdated\nUpdated: \nPublished on 31 February 2024\n"
          "Jane Doe\n2 days ago\nKantaro Komiya,\n4 min read\n0 min read\n"
          "Advertisement \u00b7\n(Reuters) - x\n (AP) \u2014 \nA (\nAB (X) -\n\u00a9\n")
    write("clean_page", "empty", b"")
    write("clean_page", "single_newline", b"\n")


def jsonl_seeds():
    good = {"id": "a1", "title": "T", "body": "P1\n\nP2", "source": "FT", "authors": ["A"],
            "url": "https://example.com/x", "published": "2024-05-01"}
    write("jsonl", "valid", json.dumps(good) + "\n" + json.dumps({**good, "id": "a2"}) + "\n")
    write("jsonl", "author_alias", json.dumps({"id": "b", "title": "T", "body": "x", "author": "Solo"}) + "\n")
    write("jsonl", "unknown_fields", json.dumps({**good, "extra": {"deep": [1, 2, 3]}, "n": 1e308}) + "\n")
    write("jsonl", "wrong_types", '{"id": 5, "title": [], "body": {}, "authors": "x", "published": 7}\n'
          '{"id": null}\n{"id": "", "body": ""}\n{"id": true, "authors": [1, null, {}]}\n')
    write("jsonl", "broken_lines", 'not json\n{"id": "ok", "title": "T", "body": "B"}\n{"id": "x"\n\n   \n[]\n"s"\n')
    write("jsonl", "nested_arrays", "[" * 5000 + "]" * 5000 + "\n")
    write("jsonl", "nested_objects", '{"a":' * 5000 + "1" + "}" * 5000 + "\n")
    write("jsonl", "unclosed_nesting", '{"id": "n", "x": ' + "[" * 20000 + "\n")
    write("jsonl", "huge_line", json.dumps({"id": "h", "title": "T", "body": "w " * 100_000}) + "\n")
    write("jsonl", "nul_bytes", b'{"id": "z\\u0000", "title": "\x00", "body": "a\x00b"}\n\x00\x00\n')
    write("jsonl", "invalid_utf8", b'{"id": "u", "title": "\xc3\x28", "body": "\xed\xa0\x80 \xff"}\n')
    write("jsonl", "escapes", '{"id": "e", "title": "\\ud800", "body": "\\uDFFF \\u0000 \\"q\\""}\n')
    write("jsonl", "crlf_and_bom", b'\xef\xbb\xbf{"id": "c", "title": "T", "body": "B"}\r\n\r\n')
    write("jsonl", "duplicate_ids", (json.dumps(good) + "\n") * 3)
    write("jsonl", "no_trailing_newline", json.dumps(good))
    write("jsonl", "body_aliases", "".join(json.dumps(r) + "\n" for r in [
        {"id": "a1", "title": "T", "content": "<p>C</p>"},
        {"id": "a2", "title": "T", "body": None, "summary": ["S1", "S2"]},
        {"id": "a3", "title": "T", "text": 7, "description": "D"}]))
    write("jsonl", "feed_shapes", "".join(json.dumps(r) + "\n" for r in [
        {"source": {"id": None, "name": "Wire"}, "title": "T", "url": "https://x/a?b=1&c",
         "publishedAt": "2024-01-05T09:30:00Z", "content": "C", "author": {"name": "Jo"}},
        {"id": "tag:x,2024:/a b", "title": "T", "content_html": "<p>H</p>", "content_text": "T",
         "date_published": 1704412800, "authors": [{"name": 5}, {"url": "u"}, "Jo"]},
        {"guid": {"isPermaLink": False}, "link": "https://x/l", "title": "T"},
        {"guid": "g", "link": ["l"], "title": "T", "pubDate": "Fri, 05 Jan 2024", "source": []},
        {"title": "no id at all", "body": "B"},
        {"id": "fp", "content": [{"type": "text/html", "value": "<p>V</p>"}, {"value": 5}]},
        {"id": "fq", "title": "&nbsp;", "content": {"value": "One. Two."}},
        {"title": "T", "link": [{"rel": "self", "href": "s"}, {"href": 5}, [], {"href": "h"}]},
        {"id": "fr", "title": "T", "url": {"rel": None, "href": "u"}}]))
    write("jsonl", "html_body", json.dumps({
        "id": "w", "title": "Pel&#233; &amp; S&atilde;o Paulo &#x1F600; &#0; &#xD800; &bogus;",
        "body": "<p>One <b>bold</b><br/>two</p><script>x('<p>')</script><!-- c --><![CDATA[d]]>"
                "<a title=it's href='>'>link</a><p unclosed <div>&nbsp;&#150;</div><style>",
        "authors": ["Ren&eacute;e"], "source": "&lt;i&gt;Daily&lt;/i&gt;"}) + "\n")


def search_params_seeds():
    # One query string per file: pairs split on '&', name and value on the first '='.
    seeds = {
        "example": "q=Foxconn Nissan Oppama",
        "all_params": "q=ai&page=2&per_page=5&source=FT&source=Nikkei Asia&author=x&from=2024-01-01"
                      "&to=2024-12-31&sort=date&collapse=false&snippet_length=50&partial=true&op=or",
        "phrase_unbalanced": 'q="foxconn nissan',
        "paren_unbalanced": "q=(foxconn AND (nissan",
        "paren_close_only": "q=foxconn))",
        "operators_dangling": "q=AND OR NOT",
        "operators_trailing": "q=foxconn AND",
        "plus_minus": "q=+ - +- -+ ++foxconn --nissan",
        "field_empty": "q=title: source: author:",
        "field_unknown": "q=nosuch:field",
        "wildcard_a": "q=a*&partial=true",
        "wildcard_star": "q=*",
        "wildcards_many": "q=" + " ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyz"),
        "nested_parens": "q=" + "(" * 400 + "a" + ")" * 400,
        "nested_quotes": "q=" + '"' * 900,
        "many_terms": "q=" + " ".join(["w"] * 499),
        "long_query": "q=" + "x" * 1001,
        "page_huge": "q=ai&page=99999999999999999999",
        "page_negative": "q=ai&page=-1&per_page=0",
        "page_deep": "q=ai&page=1000&per_page=100",
        "page_text": "q=ai&page=two&per_page=1e3",
        "dates_bad": "q=ai&from=2024-13-45&to=0000-00-00",
        "dates_reversed": "q=ai&from=2025-01-01&to=2020-01-01",
        "sort_bad": "q=ai&sort=bogus&collapse=maybe&partial=yes&op=xor",
        "snippet_edges": "q=ai&snippet_length=0",
        "empty": "q=",
        "no_q": "page=1",
        "repeated": "q=a&q=b&page=1&page=2",
        "source_many": "q=ai&" + "&".join(f"source=s{i}" for i in range(200)),
        "synonyms": "q=EV US U.S. AI",
        "utf8_odd": "q=\u201cFoxconn\u201d \u2014 caf\u00e9 \u9d3b\u6d77",
    }
    for name, s in seeds.items():
        write("search_params", name, s)
    write("search_params", "nul_bytes", b"q=fox\x00conn&page=1\x00")
    write("search_params", "invalid_utf8", b"q=\xc3\x28 \xed\xa0\x80 \xff\xfe")
    write("search_params", "no_equals", b"q&&&=&==&page")


def snippet_seeds():
    # First line: the query; the rest: the text to highlight.
    seeds = {
        "example": "Foxconn Nissan Oppama\nNissan Motor appears to have found a potential savior in Foxconn at Oppama.",
        "markup": "script alert\n<script>alert('x')</script> & <b>bold</b> \"quoted\" 'single' &amp; &lt;",
        "mark_injection": "mark\n<mark>fake</mark> </mark> <mark",
        "stems": "running\nHe runs; they ran; running runner runs.",
        "phrase": "\"oppama plant\"\nThe Oppama plant, the plant at Oppama.",
        "utf8_odd": "caf\u00e9\nCaf\u00e9 cafe\u0301 \u201cquotes\u201d \u9d3b\u6d77 \U0001F600 \u200b\u200d",
        "empty_query": "\nsome text here",
        "empty_text": "query\n",
        "long_word": "x\n" + "x" * 20000,
        "huge_text": "word\n" + "word other " * 20000,
        "wildcard": "fox*\nfox foxes foxconn foxtrot",
    }
    for name, s in seeds.items():
        write("snippet", name, s)
    write("snippet", "nul_bytes", b"nul\nnul\x00byte \x00 nul")
    write("snippet", "invalid_utf8", b"\xc3\x28\n\xc3\x28 \xed\xa0\x80 \xff text \xe2\x82")


def xml_feed_seeds():
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<channel><title>Wire</title><item><guid>g1</guid><title>T &amp; U</title><link>https://w.example/1</link>'
           '<description>&lt;p&gt;Teaser.&lt;/p&gt;</description>'
           '<content:encoded><![CDATA[<p>One.</p><p>Two.</p>]]></content:encoded>'
           '<pubDate>Fri, 05 Jan 2024 09:30:00 GMT</pubDate><author>j@w.example (Jo)</author>'
           '<dc:creator>Sam</dc:creator><source url="x">Other</source></item></channel></rss>')
    write("xml_feed", "rss2", rss)
    write("xml_feed", "rss1", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
          'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
          '<channel><title>RDF</title></channel><item rdf:about="https://r.example/a"><title>A</title>'
          '<link>https://r.example/a</link><dc:date>2023-11-02</dc:date></item></rdf:RDF>')
    write("xml_feed", "atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;i&gt;D&lt;/i&gt;</title>'
          '<author><name>Desk</name></author><entry><id>e1</id><title>E</title><link rel="self" href="s"/>'
          '<link href="https://a.example/1"/><updated>2024-03-10T10:00:00Z</updated>'
          '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X.</p></div></content>'
          '<summary type="html">&lt;p&gt;S.&lt;/p&gt;</summary></entry></feed>')
    write("xml_feed", "latin1", b'<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title>'
          b'<item><guid>l</guid><title>Cr\xe8me</title></item></channel></rss>')
    write("xml_feed", "html_references", '<rss><channel><title>Caf&eacute;</title><item><guid>h</guid>'
          '<title>Q&A &nbsp; &ldquo;x&rdquo; &bogus; &#xZZ; &#99999999;</title>'
          '<link>https://x/?a=1&b=2</link></item></channel></rss>')
    write("xml_feed", "entities", '<!DOCTYPE rss [<!ENTITY l0 "lol"><!ENTITY l1 "&l0;&l0;&l0;">'
          '<!ENTITY ext SYSTEM "file:///etc/hostname"><!ENTITY % pe "x">]>'
          '<rss><channel><item><guid>b</guid><title>&l1; &ext;</title></item></channel></rss>')
    write("xml_feed", "broken", '<rss><channel><item><guid>r1</guid><title>Fine</title></item>'
          '<item><guid>r2</guid><title>Unclosed <b>tag</title></item><![CDATA[ <!-- <?pi')
    write("xml_feed", "relative_links", '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/n/">'
          '<entry xml:base="../w/"><id>r</id><link href="p?q=1#f"/></entry></feed>'
          '<rss><channel><link>https://b.example/</link><item><link>/s</link></item></channel></rss>')
    write("xml_feed", "media", '<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><guid>m</guid>'
          '<media:group><media:content><media:title type="html">T &lt;b&gt;x</media:title>'
          '<media:description>Text.</media:description></media:content></media:group></item></channel></rss>')
    write("xml_feed", "not_a_feed", '<urlset><url><loc>x</loc></url></urlset>')
    write("xml_feed", "deep", "<rss><channel><item><guid>d</guid><description>" + "<b>" * 3000 + "x"
          + "</b>" * 3000 + "</description></item></channel></rss>")
    write("xml_feed", "invalid_utf8", b'<rss><channel><item><guid>\xff</guid><title>\xc3\x28 \xed\xa0\x80</title>'
          b'</item></channel></rss>')


if __name__ == "__main__":
    clean_page_seeds()
    jsonl_seeds()
    search_params_seeds()
    snippet_seeds()
    xml_feed_seeds()
