// Unit tests of web/js/state.js (no browser): the page state in the URL and the API parameters,
// for the date range above all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// web/ has no package.json, so load a .mjs copy of the exact file (as dates.test.mjs does).
const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-state-')), 'state.mjs');
fs.copyFileSync(new URL('../../web/js/state.js', import.meta.url), copy);
const { isoDay, dateRange, stateFromSearch, searchFromState, searchParams, feedParams, hasFilters, withChanges } = await import(pathToFileURL(copy).href);
fs.rmSync(path.dirname(copy), { recursive: true, force: true });

test('a day is YYYY-MM-DD and on the calendar', () => {
  assert.equal(isoDay('2024-02-29'), '2024-02-29');
  assert.equal(isoDay('1987-02-26'), '1987-02-26');
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-05', '2024/01/05', '20240105', '', null, undefined, 20240105]) {
    assert.equal(isoDay(bad), null, String(bad));
  }
});

test('two days the wrong way round still make a range; a bad day is no bound', () => {
  assert.deepEqual(dateRange('2024-01-01', '2024-12-31'), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(dateRange('2024-12-31', '2024-01-01'), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(dateRange('', '2024-01-01'), { from: null, to: '2024-01-01' });
  assert.deepEqual(dateRange('2024-02-30', ''), { from: null, to: null });
});

test('the URL carries the date range, and reads it back', () => {
  const state = stateFromSearch('?q=narwhal&from=2024-12-31&to=2024-01-01&source=FT');
  assert.equal(state.from, '2024-01-01');
  assert.equal(state.to, '2024-12-31');
  assert.ok(hasFilters(state));
  const search = searchFromState(state);
  assert.equal(search, '?q=narwhal&source=FT&from=2024-01-01&to=2024-12-31');
  assert.deepEqual(stateFromSearch(search), state);
  const api = searchParams(state);
  assert.equal(api.get('from'), '2024-01-01');
  assert.equal(api.get('to'), '2024-12-31');
  assert.deepEqual(api.getAll('source'), ['FT']);
});

test('the URL carries an author, and the API gets it', () => {
  const state = stateFromSearch('?author=Nora+Narwhal');
  assert.equal(state.author, 'Nora Narwhal');
  assert.equal(state.q, '');
  assert.ok(hasFilters(state));
  assert.equal(searchFromState(state), '?author=Nora+Narwhal');
  assert.equal(searchParams(state).get('author'), 'Nora Narwhal');
  assert.equal(stateFromSearch('?q=x&author=').author, null);
});

test('no dates, or dates that are not days, leave no trace', () => {
  const state = stateFromSearch('?q=narwhal&from=yesterday&to=');
  assert.equal(state.from, null);
  assert.equal(state.to, null);
  assert.equal(hasFilters(state), false);
  assert.equal(searchFromState(state), '?q=narwhal');
  assert.equal(searchParams(state).has('from'), false);
  assert.ok(hasFilters(withChanges(state, { to: '2024-01-01' })));
});

test('a feed follows the words and filters, not the page, its size or its order', () => {
  const state = stateFromSearch('?q=oil+price&source=Reuters&source=BBC&author=Kim&from=1987-03-01&sort=relevance&page=3&per_page=50');
  assert.equal(feedParams(state).toString(), 'q=oil+price&source=Reuters&source=BBC&author=Kim&from=1987-03-01');
  assert.equal(feedParams(stateFromSearch('?q=oil&sort=date&page=2')).toString(), 'q=oil');
  assert.equal(feedParams(stateFromSearch('?author=Kim')).toString(), 'author=Kim');
});
