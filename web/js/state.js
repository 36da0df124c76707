// The page state lives in the URL so any view can be bookmarked, shared, reloaded and walked
// with back/forward. Only what differs from the defaults is written.

export const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 100;

function positiveInt(text, fallback, max = Number.MAX_SAFE_INTEGER) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}

// A day as the API's `from` / `to` take it (YYYY-MM-DD), or null.
export function isoDay(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text) ? text : null;
}

// A date range as the user means it: two days given the wrong way round still make a range.
export function dateRange(from, to) {
  const a = isoDay(from);
  const b = isoDay(to);
  return a && b && a > b ? { from: b, to: a } : { from: a, to: b };
}

export function stateFromSearch(search) {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    page: positiveInt(params.get('page'), 1),
    perPage: positiveInt(params.get('per_page'), DEFAULT_PER_PAGE, MAX_PER_PAGE),
    sources: params.getAll('source').filter(Boolean),
    ...dateRange(params.get('from'), params.get('to')),
    author: params.get('author') || null,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    article: params.get('article') || null,
  };
}

export function searchFromState(state) {
  const params = new URLSearchParams();
  if (state.article) params.set('article', state.article);
  if (state.q) params.set('q', state.q);
  appendFilters(params, state);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.perPage !== DEFAULT_PER_PAGE) params.set('per_page', String(state.perPage));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function appendFilters(params, state) {
  for (const source of state.sources) params.append('source', source);
  if (state.author) params.set('author', state.author);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
}

export const hasFilters = (state) => state.sources.length > 0 || Boolean(state.author || state.from || state.to);

export function withChanges(state, changes) {
  return { ...state, ...changes };
}

// The query parameters of /api/feed that follow a results state: its words and filters, not its
// page or order (a feed lists the newest first).
export function feedParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  appendFilters(params, state);
  return params;
}

// The query parameters of /api/search for a results state.
export function searchParams(state, { partial = false } = {}) {
  const params = new URLSearchParams({ q: state.q, page: String(state.page), per_page: String(state.perPage) });
  appendFilters(params, state);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (partial) params.set('partial', 'true');
  return params;
}
