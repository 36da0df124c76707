// Unit tests of web/js/dates.js (no browser): one date label for the results, the article and
// its similar list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// web/ has no package.json, so load a .mjs copy of the exact file (as highlight.test.mjs does).
const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-dates-')), 'dates.mjs');
fs.copyFileSync(new URL('../../web/js/dates.js', import.meta.url), copy);
const { bucketLabel, dateLabel, indexedLabel } = await import(pathToFileURL(copy).href);
fs.rmSync(path.dirname(copy), { recursive: true, force: true });

test('a day the indexer read is shown as a day, whatever the source wrote', () => {
  assert.equal(dateLabel({ published: '2024-01-05', published_text: '2024-01-05T09:30:00Z' }), '5 Jan 2024');
  assert.equal(dateLabel({ published: '2024-12-31', published_text: 'Tue, 31 Dec 2024 23:30:00 -0500' }), '31 Dec 2024');
  assert.equal(dateLabel({ published: '1987-02-26', published_text: null }), '26 Feb 1987');
});

test("without a day, the source's own words; without either, nothing", () => {
  assert.equal(dateLabel({ published: null, published_text: '8 hours ago' }), '8 hours ago');
  assert.equal(dateLabel({ published_text: '01/05/2024' }), '01/05/2024');
  assert.equal(dateLabel({ published: 'not-a-day', published_text: 'text' }), 'text');
  assert.equal(dateLabel({ published: '2024-13-45', published_text: 'text' }), 'text');
  assert.equal(dateLabel({ published: '2023-02-29', published_text: 'text' }), 'text', 'not rolled into March');
  assert.equal(dateLabel({ published: '2024-04-31', published_text: null }), '2024-04-31');
  assert.equal(dateLabel({ published: '2024-02-29', published_text: 'text' }), '29 Feb 2024', 'a leap day is a day');
  assert.equal(dateLabel({}), null);
  assert.equal(dateLabel(), null);
});

test('a bucket of the date counts: a decade or a year as it is, a month by name', () => {
  assert.equal(bucketLabel('1987'), '1987');
  assert.equal(bucketLabel('1980s'), '1980s');
  assert.equal(bucketLabel('1987-03'), 'Mar 1987');
  assert.equal(bucketLabel('2024-12'), 'Dec 2024');
  assert.equal(bucketLabel('2024-13'), '2024-13');
  assert.equal(bucketLabel(null), '');
});

test('an undated article shows the day it was indexed, read only from the API form', () => {
  assert.equal(indexedLabel({ indexed: '2026-12-07T18:24:22Z' }), 'indexed 7 Dec 2026');
  assert.equal(indexedLabel({ indexed: '2026-12-31T23:59:59Z' }), 'indexed 31 Dec 2026', 'the day in UTC');
  for (const indexed of ['2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2026-12-07T24:00:00Z', '2026-12-07T25:00:00Z',
    '2026-12-07', '2026-12-07T18:24:22+01:00', '2026-12-07T18:24:22.5Z', ' 2026-12-07T18:24:22Z', 1796667862, null]) {
    assert.equal(indexedLabel({ indexed }), null, String(indexed));
  }
  assert.equal(indexedLabel({}), null);
  assert.equal(indexedLabel(), null);
});
