// Unit tests of web/js/highlight.js (no browser): the only place server HTML meets the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// web/ has no package.json (it is served as is), so Node would not treat its .js files as ES
// modules; load a .mjs copy of the exact file instead.
const source = new URL('../../web/js/highlight.js', import.meta.url);
const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-highlight-')), 'highlight.mjs');
fs.copyFileSync(source, copy);
const { decodeEntities, appendHighlighted, highlightedToText } = await import(pathToFileURL(copy).href);
fs.rmSync(path.dirname(copy), { recursive: true, force: true });

// Just enough of a DOM to see what appendHighlighted builds.
function fakeElement(doc, tagName) {
  return {
    tagName, ownerDocument: doc, childNodes: [],
    appendChild(child) { this.childNodes.push(child); return child; },
  };
}
function fakeDocument() {
  const doc = {
    createElement: (tag) => fakeElement(doc, tag.toUpperCase()),
    createTextNode: (text) => ({ text }),
  };
  return doc;
}
const describeNodes = (node) => node.childNodes.map((c) => (c.tagName ? { [c.tagName]: describeNodes(c) } : c.text));

test('decodes the five escaped characters in one pass', () => {
  assert.equal(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;'), 'a & b <c> "d" \'e\'');
  assert.equal(decodeEntities('&amp;lt;script&amp;gt;'), '&lt;script&gt;', 'double-escaped text stays escaped once');
  assert.equal(decodeEntities('&nbsp; &copy; &#60;'), '&nbsp; &copy; &#60;', 'other entities are left as written');
});

test('only <mark> becomes an element; escaped markup stays text', () => {
  const doc = fakeDocument();
  const root = fakeElement(doc, 'P');
  appendHighlighted(root, '&lt;img src=x onerror=alert(1)&gt; <mark>Foxconn</mark> &amp; <mark>Nissan</mark>.');
  assert.deepEqual(describeNodes(root), ['<img src=x onerror=alert(1)> ', { MARK: ['Foxconn'] }, ' & ', { MARK: ['Nissan'] }, '.']);
});

test('raw tags other than mark are inserted as text, never parsed', () => {
  const doc = fakeDocument();
  const root = fakeElement(doc, 'P');
  appendHighlighted(root, '<script>alert(1)</script><MARK>x</MARK>');
  assert.deepEqual(describeNodes(root), ['<script>alert(1)</script>', { MARK: ['x'] }]);
});

test('unbalanced marks neither nest nor lose text', () => {
  const doc = fakeDocument();
  const root = fakeElement(doc, 'P');
  appendHighlighted(root, '</mark>a<mark>b<mark>c</mark>d<mark>e');
  assert.deepEqual(describeNodes(root), ['a', { MARK: ['b', 'c'] }, 'd', { MARK: ['e'] }]);
  appendHighlighted(root, null);
  assert.equal(root.childNodes.length, 4, 'null adds nothing');
});

test('plain text of a highlighted field', () => {
  assert.equal(highlightedToText('<mark>Foxconn</mark> eyes China&#39;s AI'), "Foxconn eyes China's AI");
});
