// Renders a /api/search response: summary, spelling line, facets, hits and pager.
import { el, append, clear, joined, messageBlock } from './dom.js';
import { appendHighlighted } from './highlight.js';
import { isoDay, searchFromState, withChanges } from './state.js';
import { bucketLabel, dateLabel } from './dates.js';

export const hrefFor = (state) => `/${searchFromState(state)}`;
export const articleHref = (state, id) => hrefFor(withChanges(state, { article: id }));

// "By A, B" with each name a link to the same search narrowed to that author (`state` is the
// search the links start from), or null when the article names no author.
export function authorsLine(state, authors) {
  const names = Array.isArray(authors) ? authors.filter((a) => typeof a === 'string' && a.trim()) : [];
  if (!names.length) return null;
  const line = el('span', { className: 'authors' }, 'By ');
  names.forEach((name, i) => {
    if (i > 0) line.append(', ');
    const href = hrefFor(withChanges(state, { author: name, page: 1, article: null }));
    line.append(el('a', { href, dataset: { nav: '' }, className: 'author-link', title: `More by ${name}` }, name));
  });
  return line;
}

function formatCount(n) {
  return Number(n ?? 0).toLocaleString('en');
}

const plural = (n, noun) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

export function totalText(total) {
  const estimated = total?.estimated ?? 0;
  const exact = total?.lower_bound === total?.upper_bound;
  const noun = estimated === 1 ? 'result' : 'results';
  return `${exact ? '' : 'About '}${formatCount(estimated)} ${noun}`;
}

export function pageCount(data) {
  const perPage = data.per_page || 10;
  return Math.max(1, Math.ceil((data.total?.estimated ?? 0) / perPage));
}

export function summaryText(data) {
  const took = typeof data.took_ms === 'number' ? ` in ${data.took_ms < 10 ? data.took_ms.toFixed(1) : Math.round(data.took_ms)} ms` : '';
  const pages = pageCount(data);
  const pagePart = pages > 1 ? ` · page ${data.page} of ${formatCount(pages)}` : '';
  return `${totalText(data.total)}${took}${pagePart}`;
}

// The outlet names the copy; a copy from a page that names no outlet is "another copy"
// (its title would only repeat the hit's own).
function duplicateLabel(dup) {
  return dup.source || 'another copy';
}

function duplicatesLine(state, duplicates) {
  if (!Array.isArray(duplicates) || duplicates.length === 0) return null;
  const links = [];
  duplicates.forEach((dup, i) => {
    if (i > 0) links.push(', ');
    links.push(el('a', { href: articleHref(state, dup.id), dataset: { nav: '', id: dup.id }, className: 'dup-link', title: dup.title || null }, duplicateLabel(dup)));
  });
  return el('p', { className: 'also-in' }, 'also in: ', ...links);
}

export function hitItem(state, hit, index) {
  const titleLink = el('a', { href: articleHref(state, hit.id), className: 'hit-link', dataset: { nav: '', id: hit.id } });
  appendHighlighted(titleLink, hit.title);
  const authors = authorsLine(state, hit.authors);
  const snippet = el('p', { className: 'snippet' });
  appendHighlighted(snippet, hit.snippet);
  return el(
    'li',
    { className: 'hit', dataset: { id: hit.id, rank: index + 1 } },
    el('h2', { className: 'hit-title' }, titleLink),
    el('p', { className: 'meta' }, ...joined([hit.source, authors, dateLabel(hit)])),
    snippet,
    duplicatesLine(state, hit.duplicates),
  );
}

export function renderHits(list, state, hits) {
  clear(list);
  hits.forEach((hit, i) => list.appendChild(hitItem(state, hit, i)));
}

// "Showing results for X" (server corrected) or "Did you mean X?" (server suggests); one click away.
export function renderSpelling(node, state, data) {
  clear(node);
  const corrected = data.corrected_query;
  const suggestion = data.suggestion;
  if (corrected && corrected !== state.q) {
    append(
      node,
      'Showing results for ',
      el('a', { href: hrefFor(withChanges(state, { q: corrected, page: 1 })), dataset: { nav: '' }, className: 'spelling-link' }, corrected),
      `. No results for “${state.q}”.`,
    );
  } else if (suggestion && suggestion !== state.q) {
    append(node, 'Did you mean ', el('a', { href: hrefFor(withChanges(state, { q: suggestion, page: 1 })), dataset: { nav: '' }, className: 'spelling-link' }, suggestion), '?');
  }
  node.hidden = node.childNodes.length === 0;
}

// Outlet checkboxes. Counts come from the query without the outlet filter, so selected outlets
// can be combined (OR) with others; a selected outlet missing from the counts is still listed.
export function renderFacets(list, state, facetValues, onToggle) {
  clear(list);
  const values = Array.isArray(facetValues) ? [...facetValues] : [];
  for (const source of state.sources) {
    if (!values.some((v) => v.value === source)) values.push({ value: source, count: 0 });
  }
  values.forEach((facet, i) => {
    const id = `facet-${i}`;
    const checked = state.sources.includes(facet.value);
    const box = el('input', { type: 'checkbox', id, value: facet.value, checked, onchange: () => onToggle(facet.value) });
    list.appendChild(
      el(
        'li',
        { className: 'facet' },
        box,
        el('label', { for: id }, el('span', { className: 'facet-name' }, facet.value), el('span', { className: 'facet-count', 'aria-label': `${facet.count} articles` }, formatCount(facet.count))),
      ),
    );
  });
  return values.length;
}

// The author a search is narrowed to (a link in a result sets it), with a way to remove it.
// Returns whether it is shown.
export function renderAuthorFilter(parts, state) {
  parts.box.hidden = !state.author;
  parts.name.textContent = state.author ?? '';
  return Boolean(state.author);
}

// From / To day pickers, shown when the index has dated articles (`span`, from /api/stats) or the
// URL sets a date. The pickers are bounded by the index's first and last day and by each other.
// Below them, the results by decade, year or month (`buckets`, the search's facets.published).
// Returns whether it is shown.
export function renderDateFilter(parts, state, span, buckets) {
  const shown = Boolean(span || state.from || state.to);
  parts.box.hidden = !shown;
  if (!shown) return false;
  parts.from.value = state.from ?? '';
  parts.to.value = state.to ?? '';
  parts.from.min = span?.first ?? '';
  parts.from.max = state.to ?? span?.last ?? '';
  parts.to.min = state.from ?? span?.first ?? '';
  parts.to.max = span?.last ?? '';
  renderDateBuckets(parts.buckets, state, buckets);
  parts.note.textContent = span
    ? `${plural(span.articles, 'article')} ${span.articles === 1 ? 'has a date' : 'have dates'}, ${dateLabel({ published: span.first })} to ${dateLabel({ published: span.last })}; a date range leaves out the others.`
    : 'No article in the index has a date.';
  return true;
}

// Each decade, year or month a link that sets the date range to it, with a bar for its share; the
// range already set is marked, not linked.
function renderDateBuckets(list, state, buckets) {
  clear(list);
  const valid = (Array.isArray(buckets) ? buckets : []).filter((b) => b && typeof b.value === 'string' && isoDay(b.from) && isoDay(b.to) && Number(b.count) > 0);
  const most = Math.max(1, ...valid.map((b) => Number(b.count)));
  for (const b of valid) {
    const label = bucketLabel(b.value);
    const bar = el('span', { className: 'bucket-bar', 'aria-hidden': 'true' });
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    bar.style.setProperty('--share', `${Math.max(2, Math.round((Number(b.count) / most) * 100))}%`);
    const parts = [el('span', { className: 'bucket-name' }, label), bar, el('span', { className: 'facet-count' }, formatCount(b.count))];
    const name = `${label}: ${plural(Number(b.count), 'result')}`;
    const item = state.from === b.from && state.to === b.to
      ? el('span', { className: 'date-bucket', 'aria-current': 'true', 'aria-label': name }, ...parts)
      : el('a', { className: 'date-bucket', href: hrefFor(withChanges(state, { from: b.from, to: b.to, page: 1 })), dataset: { nav: '' }, 'aria-label': name }, ...parts);
    list.appendChild(el('li', {}, item));
  }
  list.hidden = valid.length === 0;
}

export function renderPager(parts, state, data) {
  const pages = pageCount(data);
  const page = data.page || state.page;
  const hasPrev = page > 1;
  const hasNext = page < pages;
  parts.nav.hidden = !(hasPrev || hasNext);
  setPagerLink(parts.prev, hasPrev ? hrefFor(withChanges(state, { page: page - 1 })) : null);
  setPagerLink(parts.next, hasNext ? hrefFor(withChanges(state, { page: page + 1 })) : null);
  parts.info.textContent = `Page ${page} of ${formatCount(pages)}`;
}

function setPagerLink(link, href) {
  if (href) {
    link.setAttribute('href', href);
    link.dataset.nav = '';
    link.removeAttribute('aria-disabled');
  } else {
    link.removeAttribute('href');
    delete link.dataset.nav;
    link.setAttribute('aria-disabled', 'true');
  }
}

export function emptyState(stats, examples, state) {
  const intro = stats && typeof stats.articles === 'number'
    ? `Search ${plural(stats.articles, 'article')} from ${plural(stats.sources?.length ?? 0, 'outlet')}.`
    : 'Search the news archive.';
  const tries = examples.map((q) => el('a', { href: hrefFor(withChanges(state, { q, page: 1, article: null })), dataset: { nav: '' }, className: 'example' }, q));
  return messageBlock('empty', intro, 'Type a few words. Try:', ...tries);
}

// What widens a search that found nothing, as the filters set make it.
function wideningHint(state) {
  const set = [
    state.sources.length > 0 && ['search all outlets', 'Search all outlets'],
    Boolean(state.author) && ['search all authors', 'Search all authors'],
    Boolean(state.from || state.to) && ['search any date', 'Search any date'],
  ].filter(Boolean);
  if (set.length === 0) return { hint: 'Check the spelling, or use fewer or more general words.', action: null };
  const [widen, action] = set.length === 1 ? set[0] : ['clear the filters', 'Clear filters'];
  // With no words, the filters alone found nothing: the button says all there is to do.
  const hint = state.q.trim() ? `Check the spelling, use fewer or more general words, or ${widen}.` : null;
  return { hint, action };
}

export function noResultsState(state, data, onClearFilters) {
  const { hint, action } = wideningHint(state);
  const actions = [];
  const alternative = data.suggestion || data.corrected_query;
  if (alternative && alternative !== state.q) {
    actions.push('Did you mean ', el('a', { href: hrefFor(withChanges(state, { q: alternative, page: 1 })), dataset: { nav: '' }, className: 'spelling-link' }, alternative), '? ');
  }
  if (action) actions.push(el('button', { type: 'button', className: 'link-button', onclick: onClearFilters }, action));
  if (state.page > 1 && (data.total?.estimated ?? 0) > 0) {
    return messageBlock('no-results', `No results on page ${state.page}.`, null, el('a', { href: hrefFor(withChanges(state, { page: 1 })), dataset: { nav: '' } }, 'Go to the first page'));
  }
  const title = state.q.trim() ? `No articles match “${state.q}”.` : 'No articles match these filters.';
  return messageBlock('no-results', title, hint, ...actions);
}

export function errorState(error, onRetry) {
  // A query the server cannot read fails the same way on every try: say what to change instead.
  if (error.code === 'bad_query') return messageBlock('error', 'The query needs a change.', error.message);
  const title = error.status ? 'The search failed.' : 'The search server is not answering.';
  return messageBlock('error', title, error.message, el('button', { type: 'button', className: 'retry', onclick: onRetry }, 'Try again'));
}
