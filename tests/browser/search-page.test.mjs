// End-to-end tests of web/ in headless Chromium against the real server (see harness.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { buildIndex, startServer, launchBrowser, screenshotPath, XSS_ARTICLE, NEWSAPI_ARTICLE, DATED_ARTICLE } from './harness.mjs';

let server;
let browser;
let work;

// A page that records every alert/confirm dialog and uncaught script error.
async function openPage(path = '/', { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.dialogs = [];
  page.errors = [];
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (err) => page.errors.push(err.message));
  await page.goto(server.base + path);
  return page;
}

// Waits until the results view shows the final answer for the current URL (not a loading or stale state).
async function settled(page, view = '#results-view') {
  await page.waitForFunction((selector) => {
    const node = document.querySelector(selector);
    return node && !node.hidden && node.dataset.state && node.dataset.state !== 'loading' && node.dataset.key === location.search;
  }, view);
  return page.locator(view).getAttribute('data-state');
}

async function typeQuery(page, text) {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(text, { delay: 25 });
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, text);
  return settled(page);
}

const hitIds = (page) => page.locator('#results li.hit').evaluateAll((items) => items.map((li) => li.dataset.id));
const queryParam = (page, name) => new URL(page.url()).searchParams.getAll(name);

async function apiSearch(params) {
  const res = await fetch(`${server.base}/api/search?${new URLSearchParams(params)}`);
  assert.equal(res.status, 200, `API search ${params} failed`);
  return res.json();
}

// A query with at least `min` hits in the bundled corpus, found through the API, not hard-coded.
async function queryWithHits(min, candidates = ['China', 'vehicles', 'company', 'market', 'year', 'new']) {
  for (const q of candidates) {
    const data = await apiSearch({ q, per_page: 100 });
    if (data.hits.length >= min) return { q, data };
  }
  throw new Error(`no candidate query has ${min} hits`);
}

before(async () => {
  const built = await buildIndex();
  work = built.work;
  server = await startServer(built.db);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('search page', () => {
  it('focuses the search box on load and shows the empty state', async () => {
    const page = await openPage('/');
    assert.equal(await settled(page), 'empty');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    assert.match(await page.locator('#message').innerText(), /Try/);
    await page.locator('main').click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', '"/" focuses the search box');
    await page.close();
  });

  it('searches as you type: Foxconn Nissan Oppama shows the newsletter first, marked, with its duplicate', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'Foxconn Nissan Oppama'), 'results');
    const first = page.locator('#results li.hit').first();
    assert.match(await first.locator('.hit-title').innerText(), /Foxconn/);
    const snippetMarks = (await first.locator('.snippet mark').allInnerTexts()).map((m) => m.toLowerCase());
    for (const word of ['foxconn', 'nissan', 'oppama']) {
      assert.ok(snippetMarks.some((m) => m.startsWith(word)), `snippet marks ${word}: ${snippetMarks}`);
    }
    assert.ok((await first.locator('.hit-title mark').count()) >= 1, 'the title has a mark');
    const api = await apiSearch({ q: 'Foxconn Nissan Oppama' });
    assert.equal(await first.getAttribute('data-id'), api.hits[0].id, 'first result is the API first hit');
    assert.ok(api.hits[0].duplicates.length >= 1, 'the API lists a duplicate');
    const also = first.locator('.also-in');
    assert.match(await also.innerText(), /^also in: /);
    assert.equal(await also.locator('a').count(), api.hits[0].duplicates.length);
    const ids = await hitIds(page);
    assert.equal(new Set(ids).size, ids.length, 'no story shown twice');
    assert.ok(!ids.includes(api.hits[0].duplicates[0].id), 'the duplicate is collapsed into the first hit');
    assert.match(await page.locator('#summary').innerText(), /results? in [\d.]+ ms/);
    await page.screenshot({ path: screenshotPath('results.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('results-phone.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: screenshotPath('results-dark.png') });
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('never lets a slow stale response overwrite a newer one', async () => {
    const page = await openPage('/');
    let delayed = 0;
    await page.route(/\/api\/search\?.*q=zebrafish/i, async (route) => {
      delayed += 1;
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => {}); // aborted by the page: expected
    });
    await page.locator('#q').fill('zebrafish');
    await page.locator('#q').press('Enter');
    await page.waitForFunction(() => document.querySelector('#results-view').dataset.state === 'loading');
    assert.equal(await typeQuery(page, 'Foxconn Nissan Oppama'), 'results');
    await page.waitForTimeout(1800);
    assert.ok(delayed >= 1, 'the slow request was made');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Foxconn Nissan Oppama');
    assert.match(await page.locator('#results li.hit .hit-title').first().innerText(), /Foxconn/);
    assert.equal(await page.locator('#results li.hit', { hasText: 'Zebrafish' }).count(), 0);
    await page.close();
  });

  it('filters by outlet facets, combinable, with counts', async () => {
    const { q } = await queryWithHits(2, ['China', 'vehicles', 'company', 'Foxconn', 'market', 'year']);
    const page = await openPage(`/?q=${encodeURIComponent(q)}`);
    assert.equal(await settled(page), 'results');
    const facets = page.locator('#facet-list li.facet');
    const n = await facets.count();
    assert.ok(n >= 1, 'facets are listed');
    const name = await facets.first().locator('.facet-name').innerText();
    const count = Number((await facets.first().locator('.facet-count').innerText()).replace(/\D/g, ''));
    assert.ok(count >= 1);
    await facets.first().locator('input[type=checkbox]').check();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'source'), [name]);
    const metas = await page.locator('#results li.hit .meta').allInnerTexts();
    assert.ok(metas.length >= 1 && metas.every((m) => m.includes(name)), `every hit is from ${name}: ${metas}`);
    const api = await apiSearch({ q, source: name });
    assert.deepEqual(await hitIds(page), api.hits.map((h) => h.id), 'the page shows the API answer for the filter');
    assert.ok(metas.length <= count, 'no more hits than the facet count');
    if (n >= 2) {
      const second = await facets.nth(1).locator('.facet-name').innerText();
      await facets.nth(1).locator('input[type=checkbox]').check();
      assert.equal(await settled(page), 'results');
      assert.deepEqual(queryParam(page, 'source').sort(), [name, second].sort());
      assert.equal(await page.locator('#facet-list input:checked').count(), 2);
    }
    await page.locator('#clear-filters').click();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'source'), []);
    await page.locator('#sort input[value=date]').check();
    assert.equal(await settled(page), 'results');
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'date');
    await page.close();
  });

  it('filters by a date range within the dates of the index, keeps it in the URL, and clears it', async () => {
    const stats = await (await fetch(`${server.base}/api/stats`)).json();
    assert.deepEqual(stats.dates, { first: DATED_ARTICLE.published, last: NEWSAPI_ARTICLE.publishedAt.slice(0, 10), articles: 2 });
    const page = await openPage('/?q=narwhal');
    assert.equal(await settled(page), 'results');
    assert.equal((await hitIds(page)).length, 2, 'both narwhal stories without a date range');
    assert.ok(await page.locator('#date-filter').isVisible());
    assert.equal(await page.locator('#date-from').getAttribute('min'), stats.dates.first);
    assert.equal(await page.locator('#date-to').getAttribute('max'), stats.dates.last);
    assert.match(await page.locator('#date-note').innerText(), /2 articles have dates, 14 Mar 2023 to 5 Jan 2024/);

    await page.locator('#date-from').fill('2024-01-01');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2024-01-01');
    assert.equal(await settled(page), 'results');
    const newer = await apiSearch({ q: 'narwhal', from: '2024-01-01' });
    assert.equal(newer.hits.length, 1);
    assert.deepEqual(await hitIds(page), newer.hits.map((h) => h.id));
    assert.equal(await page.locator('#date-to').getAttribute('min'), '2024-01-01', 'To starts at From');

    // An end before the start still means the days between them.
    await page.locator('#date-to').fill('2023-01-01');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2024-01-01');
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'from'), ['2023-01-01']);
    const older = await apiSearch({ q: 'narwhal', from: '2023-01-01', to: '2024-01-01' });
    assert.deepEqual(older.hits.map((h) => h.id), [DATED_ARTICLE.id]);
    assert.deepEqual(await hitIds(page), [DATED_ARTICLE.id]);

    await page.reload();
    assert.equal(await settled(page), 'results');
    assert.equal(await page.locator('#date-from').inputValue(), '2023-01-01');
    assert.equal(await page.locator('#date-to').inputValue(), '2024-01-01');
    assert.deepEqual(await hitIds(page), [DATED_ARTICLE.id]);

    await page.locator('#clear-filters').click();
    assert.equal(await settled(page), 'results');
    assert.deepEqual([...queryParam(page, 'from'), ...queryParam(page, 'to')], []);
    assert.equal(await page.locator('#date-from').inputValue(), '');
    assert.equal((await hitIds(page)).length, 2);

    // A range with nothing in it offers to search any date.
    await page.goto(`${server.base}/?q=narwhal&from=1990-01-01&to=1990-12-31`);
    assert.equal(await settled(page), 'no-results');
    await page.getByRole('button', { name: 'Search any date' }).click();
    assert.equal(await settled(page), 'results');
    assert.equal((await hitIds(page)).length, 2);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('counts the results by year, narrows to a year, then by month to a month', async () => {
    const page = await openPage('/?q=narwhal');
    assert.equal(await settled(page), 'results');
    const years = page.locator('#date-buckets a.date-bucket');
    assert.deepEqual(await years.allInnerTexts().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim())), ['2023 1', '2024 1']);
    assert.equal(await years.first().getAttribute('aria-label'), '2023: 1 result');
    const share = await page.locator('#date-buckets .bucket-bar').first().evaluate((bar) => bar.style.getPropertyValue('--share'));
    assert.equal(share, '100%', 'an equal count draws an equal, full bar');
    await page.screenshot({ path: screenshotPath('date-counts.png') });

    await years.first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2023-12-31');
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'from'), ['2023-01-01']);
    assert.deepEqual(await hitIds(page), [DATED_ARTICLE.id]);
    assert.equal(await page.locator('#date-from').inputValue(), '2023-01-01');
    // Within one year, the counts are by month.
    const month = page.locator('#date-buckets a.date-bucket');
    assert.equal(await month.count(), 1);
    assert.equal(await month.getAttribute('aria-label'), 'Mar 2023: 1 result');
    await month.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2023-03-31');
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'from'), ['2023-03-01']);
    // The month now set is marked, not a link to itself.
    assert.equal(await page.locator('#date-buckets a').count(), 0);
    assert.equal(await page.locator('#date-buckets [aria-current="true"]').getAttribute('aria-label'), 'Mar 2023: 1 result');

    // No dated result, no counts: the bundled pages have no dates.
    await page.goto(`${server.base}/?q=Foxconn`);
    assert.equal(await settled(page), 'results');
    assert.ok(await page.locator('#date-filter').isVisible(), 'the pickers stay');
    assert.equal(await page.locator('#date-buckets').isVisible(), false);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('links the search as a feed that lists its results, newest first', async () => {
    const page = await openPage('/?q=narwhal&sort=relevance&page=1');
    assert.equal(await settled(page), 'results');
    const link = page.locator('#feed-link');
    assert.ok(await link.isVisible());
    assert.equal(await link.getAttribute('href'), '/api/feed?q=narwhal');
    const alternate = page.locator('head link[rel=alternate][type="application/atom+xml"]');
    assert.equal(await alternate.getAttribute('href'), '/api/feed?q=narwhal');
    assert.equal(await alternate.getAttribute('title'), 'narwhal — News search');
    // The feed holds the dated narwhal articles, the newer first.
    const res = await fetch(`${server.base}/api/feed?q=narwhal`);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await res.text();
    const published = [...xml.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1]);
    assert.deepEqual(published, [...published].sort().reverse());
    assert.ok(published.length >= 2, xml);
    // A filter is followed too; an article view and the empty page offer no feed.
    await page.locator('#date-buckets a.date-bucket').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('to'));
    assert.equal(await settled(page), 'results');
    assert.match(await link.getAttribute('href'), /^\/api\/feed\?q=narwhal&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    await page.locator('#results li.hit a').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('article'));
    await page.locator('#article-view[data-state="loaded"]').waitFor();
    assert.equal(await alternate.count(), 0);
    await page.goto(`${server.base}/`);
    assert.equal(await settled(page), 'empty');
    assert.equal(await alternate.count(), 0);
    assert.equal(await link.isVisible(), false);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('offers the site as a search engine whose query address opens its results', async () => {
    const page = await openPage('/');
    assert.equal(await settled(page), 'empty');
    const href = await page.locator('head link[rel=search][type="application/opensearchdescription+xml"]').getAttribute('href');
    const res = await fetch(new URL(href, server.base));
    assert.equal(res.status, 200);
    const xml = await res.text();
    const template = xml.match(/<Url type="text\/html" template="([^"]+)"/)?.[1];
    assert.ok(template?.includes('{searchTerms}'), xml);
    await page.goto(template.replace('{searchTerms}', encodeURIComponent('Foxconn Nissan Oppama')));
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'q'), ['Foxconn Nissan Oppama']);
    assert.equal(await page.locator('#q').inputValue(), 'Foxconn Nissan Oppama');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('lists the articles of an author named in a result or an article, and removes the filter', async () => {
    const page = await openPage('/?q=narwhal');
    assert.equal(await settled(page), 'results');
    await page.locator('#results a.author-link', { hasText: NEWSAPI_ARTICLE.author }).click();
    await page.waitForFunction((name) => new URLSearchParams(location.search).get('author') === name, NEWSAPI_ARTICLE.author);
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'q'), ['narwhal'], 'the search is narrowed, not replaced');
    const byNora = await apiSearch({ q: 'narwhal', author: NEWSAPI_ARTICLE.author });
    assert.equal(byNora.hits.length, 1);
    assert.deepEqual(await hitIds(page), byNora.hits.map((h) => h.id));
    assert.equal(await page.locator('#author-name').innerText(), NEWSAPI_ARTICLE.author);
    await page.locator('#author-clear').click();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'author'), []);
    assert.equal((await hitIds(page)).length, 2);
    assert.ok(await page.locator('#author-filter').isHidden());

    // From an article: the author's articles, newest first, with no query; a name with markup
    // in it stays text all the way.
    const author = XSS_ARTICLE.authors[0];
    await page.goto(`${server.base}/?q=zebrafish&article=${encodeURIComponent(XSS_ARTICLE.id)}`);
    assert.equal(await settled(page, '#article-view'), 'loaded');
    await page.locator('#article-meta a.author-link').click();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(queryParam(page, 'author'), [author]);
    assert.deepEqual(queryParam(page, 'q'), []);
    assert.deepEqual(await hitIds(page), [XSS_ARTICLE.id]);
    assert.equal(await page.locator('#author-name').innerText(), author);
    assert.equal(await page.locator('#author-filter b, #results .meta b').count(), 0, 'no element made from the name');
    assert.equal(await page.title(), `By ${author} — News search`);

    // Filters that match nothing, with no words: say so and offer the way out.
    await page.goto(`${server.base}/?author=${encodeURIComponent('Nobody Atall')}`);
    assert.equal(await settled(page), 'no-results');
    assert.match(await page.locator('#message').innerText(), /No articles match these filters/);
    await page.getByRole('button', { name: 'Search all authors' }).click();
    assert.equal(await settled(page), 'empty', 'no words and no filters: the empty state');
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('follows a spelling correction or suggestion with one click', async () => {
    const page = await openPage('/');
    await typeQuery(page, 'Foxcon Nisan');
    const link = page.locator('.spelling-link').first();
    await link.waitFor();
    const alternative = await link.innerText();
    assert.match(alternative, /foxconn/i);
    assert.notEqual(alternative, 'Foxcon Nisan');
    await link.click();
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, alternative);
    assert.equal(await settled(page), 'results');
    assert.equal(await page.locator('#q').inputValue(), alternative);
    assert.match(await page.locator('#results li.hit .hit-title').first().innerText(), /Foxconn/);
    await page.goBack();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Foxcon Nisan');
    await settled(page);
    assert.equal(await page.locator('#q').inputValue(), 'Foxcon Nisan');
    await page.close();
  });

  it('pages forward and back through the browser history, and reload keeps the page', async () => {
    const { q, data } = await queryWithHits(3);
    const page = await openPage(`/?q=${encodeURIComponent(q)}&per_page=2`);
    assert.equal(await settled(page), 'results');
    const first = await hitIds(page);
    assert.deepEqual(first, data.hits.slice(0, 2).map((h) => h.id));
    await page.locator('#next-page').click();
    assert.equal(await settled(page), 'results');
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    const second = await hitIds(page);
    assert.deepEqual(second, data.hits.slice(2, 4).map((h) => h.id));
    await page.goBack();
    assert.equal(await settled(page), 'results');
    assert.equal(new URL(page.url()).searchParams.get('page'), null);
    assert.deepEqual(await hitIds(page), first);
    await page.goForward();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(await hitIds(page), second);
    await page.reload();
    assert.equal(await settled(page), 'results');
    assert.deepEqual(await hitIds(page), second);
    assert.equal(await page.locator('#q').inputValue(), q);
    assert.match(await page.locator('#page-info').innerText(), /^Page 2 of \d+/);
    await page.close();
  });

  it('opens an article by keyboard, highlights the query, lists duplicates, and comes back', async () => {
    const page = await openPage('/');
    await typeQuery(page, 'Foxconn Nissan Oppama');
    const resultsUrl = page.url();
    const firstId = await page.locator('#results li.hit').first().getAttribute('data-id');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li.hit')?.dataset.id), firstId);
    await page.keyboard.press('Enter');
    assert.equal(await settled(page, '#article-view'), 'loaded');
    assert.equal(new URL(page.url()).searchParams.get('article'), firstId);
    assert.match(await page.locator('#article-title').innerText(), /Foxconn/);
    assert.ok((await page.locator('#article-text p').count()) >= 3, 'paragraphs are shown');
    const marks = (await page.locator('#article-text mark').allInnerTexts()).map((m) => m.toLowerCase());
    assert.ok(marks.some((m) => m.startsWith('oppama')), `query words are marked: ${marks}`);
    assert.ok((await page.locator('#duplicate-list li').count()) >= 1, 'the duplicate is listed');
    await page.screenshot({ path: screenshotPath('article.png'), fullPage: true });
    await page.locator('#back-link').click();
    assert.equal(await settled(page), 'results');
    assert.equal(page.url(), resultsUrl);
    assert.equal(await page.locator('#results li.hit').first().getAttribute('data-id'), firstId);
    await page.goBack();
    assert.equal(await settled(page, '#article-view'), 'loaded');
    await page.goBack();
    assert.equal(await settled(page), 'results');
    assert.equal(page.url(), resultsUrl);
    await page.close();
  });

  it('shows the no-results state', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'qqxjzvwk'), 'no-results');
    assert.match(await page.locator('#message').innerText(), /No articles match “qqxjzvwk”/);
    assert.equal(await page.locator('#results li').count(), 0);
    await page.close();
  });

  it('shows the markup article as text: no script runs, no image element is created', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'zebrafish'), 'results');
    const hit = page.locator(`#results li.hit[data-id="${XSS_ARTICLE.id}"]`);
    await hit.waitFor();
    assert.match(await hit.locator('.hit-title').innerText(), /<script>alert\(1\)<\/script>/);
    await hit.locator('a.hit-link').click();
    assert.equal(await settled(page, '#article-view'), 'loaded');
    const text = await page.locator('#article-text').innerText();
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), text);
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.ok(text.includes('aquariums & "quotes"'), text);
    // It has no date of its own: the view shows the day the indexer wrote it, which the API gives.
    const res = await fetch(`${server.base}/api/articles/${encodeURIComponent(XSS_ARTICLE.id)}`);
    const { indexed } = await res.json();
    assert.match(indexed, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Formatted by the browser's own ICU, whose month names may differ from Node's ("Sep"/"Sept").
    const day = await page.evaluate((t) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), indexed);
    assert.match(await page.locator('#article-meta').innerText(), new RegExp(`^Browser Test Wire · By .+ · indexed ${day}$`));
    assert.match(await page.locator('#article-meta .indexed').getAttribute('title'), /no date/);
    assert.equal(await page.locator('main img').count(), 0, 'no img element');
    assert.equal(await page.locator('main script, main b').count(), 0, 'no script or b element');
    await page.waitForTimeout(300);
    assert.deepEqual(page.dialogs, [], 'no alert fired');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('opens an article whose id is a URL, and opens it again from its address', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'narwhal tusks'), 'results');
    const hit = page.locator('#results li.hit').first();
    assert.equal(await hit.getAttribute('data-id'), NEWSAPI_ARTICLE.url);
    // Its date is the day read from "2024-01-05T09:30:00Z", as in the article view.
    assert.match(await hit.locator('.meta').innerText(), /Example Newswire · By Nora Narwhal · 5 Jan 2024$/);
    await hit.locator('a.hit-link').click();
    assert.equal(await settled(page, '#article-view'), 'loaded');
    assert.match(await page.locator('#article-text').innerText(), /millions of nerve endings/);
    assert.match(await page.locator('#article-meta').innerText(), /Example Newswire · By Nora Narwhal · 5 Jan 2024$/);
    assert.equal(await page.locator('#article-meta .indexed').count(), 0, 'a dated article shows its own day only');
    const address = page.url();
    assert.equal(new URL(address).searchParams.get('article'), NEWSAPI_ARTICLE.url);
    const again = await openPage(address.slice(server.base.length));
    assert.equal(await settled(again, '#article-view'), 'loaded');
    assert.match(await again.locator('#article-title').innerText(), /Narwhal tusks/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(again.errors, []);
    await again.close();
    await page.close();
  });

  it('keeps the last results while a boolean operator is half typed, and shows the error on Enter', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'Nissan'), 'results');
    const shown = await hitIds(page);
    assert.ok(shown.length > 0);
    // "Nissan AND " is a 400 (bad_query) from the API: nothing follows the AND yet.
    const res = await fetch(`${server.base}/api/search?q=${encodeURIComponent('Nissan AND ')}`);
    assert.equal(res.status, 400);
    // Set at once, so that no search for a shorter prefix can land in between.
    await page.locator('#q').fill('Nissan AND ');
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, 'Nissan AND ');
    assert.equal(await settled(page), 'incomplete');
    assert.deepEqual(await hitIds(page), shown, 'the last answer stays');
    assert.match(await page.locator('#message').innerText(), /Keep typing/);
    assert.equal(await page.locator('#message .message-block.error').count(), 0);
    await page.locator('#q').press('Enter');
    assert.equal(await settled(page), 'error');
    assert.match(await page.locator('#message').innerText(), /needs a change/);
    assert.match(await page.locator('#message').innerText(), /AND needs a word or phrase on each side/);
    assert.equal(await page.locator('#message button.retry').count(), 0, 'no retry for a query that cannot be read');
    await page.locator('#q').pressSequentially('Foxconn', { delay: 25 });
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, 'Nissan AND Foxconn');
    assert.equal(await settled(page), 'results');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('searches as you type inside a phrase, after a field name and up to an operator', async () => {
    const page = await openPage('/');
    // Each of these, taken whole, finds nothing: only the half-typed reading finds articles.
    for (const q of ['"electric veh', 'title:Niss']) {
      const whole = await apiSearch({ q });
      assert.equal(whole.hits.length, 0, `${q} taken whole`);
      const typed = await apiSearch({ q, partial: 'true' });
      assert.ok(typed.hits.length > 0, `${q} as typed`);
      assert.equal(await typeQuery(page, q), 'results', q);
      assert.deepEqual(await hitIds(page), typed.hits.map((h) => h.id), q);
    }
    assert.equal(await typeQuery(page, 'Nissan'), 'results');
    const nissan = await hitIds(page);
    await page.locator('#q').pressSequentially(' AND', { delay: 25 });
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, 'Nissan AND');
    assert.equal(await settled(page), 'results');
    assert.deepEqual(await hitIds(page), nissan, 'the results of the words before the operator');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('shows the server message for a bad request', async () => {
    const page = await openPage(`/?q=${'x'.repeat(1001)}`);
    assert.equal(await settled(page), 'error');
    const res = await fetch(`${server.base}/api/search?q=${'x'.repeat(1001)}`);
    const body = await res.json();
    assert.equal(res.status, 400);
    assert.ok(body.message);
    assert.ok((await page.locator('#message').innerText()).includes(body.message), 'the server message is shown');
    await page.close();
  });

  it('shows the error state when the server is down, and recovers on retry', async () => {
    const page = await openPage('/');
    assert.equal(await typeQuery(page, 'Foxconn'), 'results');
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.locator('#q').fill('Nissan');
    await page.locator('#q').press('Enter');
    assert.equal(await settled(page), 'error');
    assert.match(await page.locator('#message').innerText(), /not answering/);
    await page.unroute('**/api/**');
    await page.locator('#message button.retry').click();
    assert.equal(await settled(page), 'results');
    await server.stop();
    await page.locator('#q').fill('Oppama');
    await page.locator('#q').press('Enter');
    assert.equal(await settled(page), 'error');
    assert.match(await page.locator('#message').innerText(), /Cannot reach the search server/);
    await page.close();
  });
});
