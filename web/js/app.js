// The page controller: URL state -> requests -> rendering, plus keyboard handling.
// Every request carries a sequence number and the previous one is aborted, so a slow,
// stale response can never overwrite the answer to a newer query.
import { getJson, searchPath, feedPath, articlePath, similarPath, statsPath } from './api.js';
import { clear, messageBlock } from './dom.js';
import { highlightedToText } from './highlight.js';
import { stateFromSearch, searchFromState, withChanges, searchParams, feedParams, dateRange, hasFilters } from './state.js';
import * as results from './results.js';
import { renderArticle, renderSimilar } from './article.js';

const TYPING_DELAY_MS = 180;
const DATE_DELAY_MS = 500;
const LOADING_DELAY_MS = 120;
const EXAMPLES = ['Foxconn Nissan Oppama', 'BYD electric vehicles', '"artificial intelligence"', 'chip*'];

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), input: $('q'), toolbar: $('toolbar'), summary: $('summary'), sort: $('sort'), feed: $('feed-link'),
  spelling: $('spelling'), facets: $('facets'), outlets: $('outlet-filter'), facetList: $('facet-list'), clearFilters: $('clear-filters'),
  dates: { box: $('date-filter'), from: $('date-from'), to: $('date-to'), buckets: $('date-buckets'), note: $('date-note') },
  author: { box: $('author-filter'), name: $('author-name'), clear: $('author-clear') },
  message: $('message'), results: $('results'), resultsView: $('results-view'),
  pager: { nav: $('pager'), prev: $('prev-page'), next: $('next-page'), info: $('page-info') },
  articleView: $('article-view'), backLink: $('back-link'), articleMessage: $('article-message'), articleBody: $('article-body'),
  article: {
    title: $('article-title'), meta: $('article-meta'), sourceUrl: $('article-source-url'), text: $('article-text'),
    duplicates: $('article-duplicates'), duplicateList: $('duplicate-list'), similar: $('article-similar'), similarList: $('similar-list'),
  },
};

let state = stateFromSearch(location.search);
let sequence = 0;
let inFlight = null;
let typingTimer = 0;
let dateTimer = 0;
let typingEntry = false; // the current history entry was created by typing: further typing replaces it
let stats = null;
let statsRequest = null;
let lastArticleId = null;

// Search-as-you-type treats the last word as a prefix, unless the query ends in a space or a
// sign: the server also reads it inside a phrase not yet closed ("electric veh) and after a
// field name (title:Niss), and answers the part before an operator still waiting for its
// right side (Nissan AND) as that part.
function wantsPartial(q) {
  return /[\p{L}\p{N}]$/u.test(q);
}

function beginRequest() {
  inFlight?.abort();
  inFlight = new AbortController();
  sequence += 1;
  return { id: sequence, signal: inFlight.signal };
}
const isCurrent = (request) => request.id === sequence;

function showLoading(request, busyNode, messageNode, label) {
  return setTimeout(() => {
    if (!isCurrent(request)) return;
    busyNode.setAttribute('aria-busy', 'true');
    busyNode.classList.add('loading');
    if (!busyNode.childElementCount || busyNode.hidden) {
      clear(messageNode).appendChild(messageBlock('loading', label));
    }
  }, LOADING_DELAY_MS);
}
function endLoading(timer, busyNode) {
  clearTimeout(timer);
  busyNode.setAttribute('aria-busy', 'false');
  busyNode.classList.remove('loading');
}

const searchHeading = (s) => (s.q.trim() ? s.q : s.author ? `By ${s.author}` : 'Latest articles');

function setTitle(text) {
  document.title = text ? `${text} — News search` : 'News search';
}

// ---- results view ----------------------------------------------------------------------------

// The feed of the search shown, linked in the toolbar and announced in the head for browsers and
// feed readers that look for one; none when no search is shown.
function setFeed(s, title) {
  let alternate = document.head.querySelector('link[rel=alternate][type="application/atom+xml"]');
  if (!s) {
    alternate?.remove();
    ui.feed.removeAttribute('href');
    return;
  }
  const href = feedPath(feedParams(s));
  ui.feed.href = href;
  if (!alternate) {
    alternate = document.head.appendChild(document.createElement('link'));
    alternate.rel = 'alternate';
    alternate.type = 'application/atom+xml';
  }
  alternate.href = href;
  alternate.title = title;
}

function resetResults() {
  setFeed(null);
  clear(ui.results);
  clear(ui.spelling).hidden = true;
  ui.toolbar.hidden = true;
  ui.facets.hidden = true;
  ui.pager.nav.hidden = true;
}

// data-state / data-key say what a view shows and for which URL (tests hook onto them).
function markView(view, stateName, key) {
  view.dataset.state = stateName;
  view.dataset.key = key ?? '';
}

// The index's counts, asked for once (again after a failure); null while the server cannot say.
function loadStats() {
  statsRequest ??= getJson(statsPath()).then(
    (answer) => (stats = answer),
    () => {
      statsRequest = null;
      return null;
    },
  );
  return statsRequest;
}

async function showEmpty() {
  resetResults();
  markView(ui.resultsView, 'empty', searchFromState(state));
  setTitle('');
  const render = () => clear(ui.message).appendChild(results.emptyState(stats, EXAMPLES, state));
  render();
  // Without counts the intro simply stays generic.
  if (!stats && (await loadStats()) && !state.q && !state.article) render();
}

async function fetchSearch(s, partial, signal) {
  const main = getJson(searchPath(searchParams(s, { partial })), { signal });
  // Facet counts come from the same query without the outlet filter, so outlets can be combined.
  const unfiltered = s.sources.length
    ? getJson(searchPath(searchParams(withChanges(s, { sources: [], page: 1, perPage: 1 }), { partial })), { signal }).catch((err) => {
        if (err.name === 'AbortError') throw err;
        return null;
      })
    : null;
  const [data, facetData] = await Promise.all([main, unfiltered]);
  // A prefix that matches nothing should still get the server's spelling help: ask again as typed.
  if (partial && (!Array.isArray(data.hits) || data.hits.length === 0)) return fetchSearch(s, false, signal);
  return { data, facets: (facetData ?? data).facets?.source ?? [] };
}

async function runSearch({ partial = false, typing = false } = {}) {
  const s = state;
  const request = beginRequest(); // also when the box was cleared: a pending answer must not land
  // Filters alone (an author's link from an article) list their articles, newest first.
  if (!s.q.trim() && !hasFilters(s)) return showEmpty();
  setTitle(searchHeading(s));
  markView(ui.resultsView, 'loading', searchFromState(s));
  const timer = showLoading(request, ui.results, ui.message, 'Searching…');
  try {
    // The date pickers need the index's date span; stats are asked for once, alongside.
    const [{ data, facets }] = await Promise.all([fetchSearch(s, partial, request.signal), loadStats()]);
    if (!isCurrent(request)) return;
    endLoading(timer, ui.results);
    renderResults(s, data, facets);
  } catch (err) {
    if (err.name === 'AbortError' || !isCurrent(request)) return;
    endLoading(timer, ui.results);
    if (typing && err.code === 'bad_query') {
      // Half-typed syntax ("Nissan AND "): the last answer stays, with what the query still needs.
      // Enter asks again and shows it as the error it then is.
      clear(ui.message).appendChild(messageBlock('hint', 'Keep typing: the query is not complete yet.', err.message));
      markView(ui.resultsView, 'incomplete', searchFromState(s));
      return;
    }
    resetResults();
    clear(ui.message).appendChild(results.errorState(err, () => render()));
    markView(ui.resultsView, 'error', searchFromState(s));
  }
}

function renderResults(s, data, facets) {
  const hits = Array.isArray(data.hits) ? data.hits : [];
  results.renderSpelling(ui.spelling, s, data);
  ui.summary.textContent = results.summaryText(data);
  setFeed(s, `${searchHeading(s)} — News search`);
  ui.toolbar.hidden = false;
  for (const radio of ui.sort.querySelectorAll('input[name=sort]')) radio.checked = radio.value === s.sort;
  ui.outlets.hidden = results.renderFacets(ui.facetList, s, facets, toggleSource) === 0;
  const authorShown = results.renderAuthorFilter(ui.author, s);
  const datesShown = results.renderDateFilter(ui.dates, s, stats?.dates ?? null, data.facets?.published);
  ui.facets.hidden = ui.outlets.hidden && !authorShown && !datesShown;
  ui.clearFilters.hidden = !hasFilters(s);
  results.renderHits(ui.results, s, hits);
  clear(ui.message);
  if (hits.length === 0) {
    ui.spelling.hidden = true;
    ui.message.appendChild(results.noResultsState(s, data, clearFilters));
  }
  results.renderPager(ui.pager, s, data);
  markView(ui.resultsView, hits.length ? 'results' : 'no-results', searchFromState(s));
}

function toggleSource(source) {
  const sources = state.sources.includes(source) ? state.sources.filter((v) => v !== source) : [...state.sources, source];
  navigate(withChanges(state, { sources, page: 1 }));
}
function clearFilters() {
  navigate(withChanges(state, { sources: [], author: null, from: null, to: null, page: 1 }));
}
// A picker's value is a whole day or none, but typing a year fires `change` at each digit
// (0002, 0020, 0202, 2024): the search waits for a pause, as typed queries do.
function changeDates() {
  clearTimeout(dateTimer);
  dateTimer = setTimeout(() => {
    const range = dateRange(ui.dates.from.value, ui.dates.to.value);
    if (range.from !== state.from || range.to !== state.to) navigate(withChanges(state, { ...range, page: 1 }));
  }, DATE_DELAY_MS);
}

// ---- article view ----------------------------------------------------------------------------

async function showArticle() {
  const s = state;
  const request = beginRequest();
  setFeed(null);
  lastArticleId = s.article;
  ui.backLink.setAttribute('href', results.hrefFor(withChanges(s, { article: null })));
  ui.backLink.dataset.nav = '';
  ui.backLink.textContent = s.q ? `← Back to results for “${s.q}”` : '← Back to search';
  ui.articleBody.hidden = true;
  markView(ui.articleView, 'loading', searchFromState(s));
  const timer = showLoading(request, ui.articleBody, ui.articleMessage, 'Loading the article…');
  try {
    const similar = getJson(similarPath(s.article), { signal: request.signal }).catch((err) => {
      if (err.name === 'AbortError') throw err;
      return null;
    });
    const [article, related] = await Promise.all([getJson(articlePath(s.article, s.q), { signal: request.signal }), similar]);
    if (!isCurrent(request)) return;
    endLoading(timer, ui.articleBody);
    clear(ui.articleMessage);
    renderArticle(ui.article, s, article);
    renderSimilar(ui.article, s, related);
    ui.articleBody.hidden = false;
    markView(ui.articleView, 'loaded', searchFromState(s));
    setTitle(highlightedToText(article.title));
    ui.article.title.focus({ preventScroll: true });
  } catch (err) {
    if (err.name === 'AbortError' || !isCurrent(request)) return;
    endLoading(timer, ui.articleBody);
    ui.articleBody.hidden = true;
    const title = err.status === 404 ? 'This article is not in the index.' : err.status ? 'The article could not be loaded.' : 'The search server is not answering.';
    clear(ui.articleMessage).appendChild(messageBlock('error', title, err.message));
    markView(ui.articleView, 'error', searchFromState(s));
  }
}

// ---- navigation ------------------------------------------------------------------------------

function render({ partial = false, typing = false } = {}) {
  const inArticle = Boolean(state.article);
  ui.resultsView.hidden = inArticle;
  ui.articleView.hidden = !inArticle;
  if (document.activeElement !== ui.input) ui.input.value = state.q;
  if (inArticle) return showArticle();
  return runSearch({ partial, typing }).then(() => restoreFocusAfterArticle());
}

function restoreFocusAfterArticle() {
  if (!lastArticleId) return;
  const link = [...ui.results.querySelectorAll('a.hit-link')].find((a) => a.dataset.id === lastArticleId);
  lastArticleId = null;
  if (link && document.activeElement === document.body) link.focus();
}

function navigate(next, { replace = false, partial = false, fromTyping = false } = {}) {
  const url = `${location.pathname}${searchFromState(next)}`;
  const changed = url !== `${location.pathname}${location.search}`;
  if (changed) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  typingEntry = fromTyping;
  const wasArticle = Boolean(state.article);
  state = next;
  if (!fromTyping && (wasArticle || next.article || next.page !== 1)) window.scrollTo(0, 0);
  return render({ partial, typing: fromTyping });
}

function searchFromInput({ fromTyping }) {
  clearTimeout(typingTimer);
  const q = ui.input.value;
  const next = withChanges(state, { q, page: 1, article: null });
  if (fromTyping && q === state.q && !state.article) return;
  navigate(next, { replace: fromTyping && typingEntry, partial: fromTyping && wantsPartial(q), fromTyping });
}

ui.input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => searchFromInput({ fromTyping: true }), TYPING_DELAY_MS);
});

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchFromInput({ fromTyping: false });
});

ui.sort.addEventListener('change', (event) => {
  if (event.target.name === 'sort') navigate(withChanges(state, { sort: event.target.value, page: 1 }));
});
ui.clearFilters.addEventListener('click', clearFilters);
ui.author.clear.addEventListener('click', () => navigate(withChanges(state, { author: null, page: 1 })));
ui.dates.from.addEventListener('change', changeDates);
ui.dates.to.addEventListener('change', changeDates);

// Internal links carry data-nav: follow them without a page load, keeping modified clicks native.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-nav]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  navigate(stateFromSearch(url.search));
});

$('home-link').addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  ui.input.value = '';
  navigate(stateFromSearch(''));
  ui.input.focus();
});

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  typingEntry = false;
  state = stateFromSearch(location.search);
  ui.input.value = state.q;
  render();
});

// ---- keyboard --------------------------------------------------------------------------------

const isTextField = (node) => node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName)) && node.type !== 'checkbox' && node.type !== 'radio';
const resultLinks = () => [...ui.results.querySelectorAll('a.hit-link')];

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (event.key === '/' && !isTextField(active)) {
    event.preventDefault();
    ui.input.focus();
    ui.input.select();
    return;
  }
  if (event.key === 'Escape' && state.article && !isTextField(active)) {
    event.preventDefault();
    ui.backLink.click();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = resultLinks();
  if (active === ui.input && event.key === 'ArrowDown' && links.length && !state.article) {
    event.preventDefault();
    links[0].focus();
    return;
  }
  const at = links.indexOf(active);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
  else if (at === 0) ui.input.focus();
  else links[at - 1].focus();
});

// ---- start -----------------------------------------------------------------------------------

// Canonical URL form, so a hand-written or shared URL and the page agree on the state.
history.replaceState(null, '', `${location.pathname}${searchFromState(state)}`);
ui.input.value = state.q;
if (!state.article) ui.input.focus();
render();
