// Renders /api/articles/{id} (and its similar articles) into the article view.
import { el, append, clear, joined } from './dom.js';
import { appendHighlighted } from './highlight.js';
import { articleHref, authorsLine } from './results.js';
import { withChanges } from './state.js';
import { dateLabel, indexedLabel } from './dates.js';

// Headings carry `before` = index of the first paragraph under them; interleave them in order.
export function articleBlocks(article) {
  const paragraphs = Array.isArray(article.paragraphs) ? article.paragraphs : [];
  const headings = Array.isArray(article.headings) ? article.headings : [];
  const hl = article.highlighted || {};
  const order = headings.map((h, i) => ({ before: Number.isInteger(h?.before) ? h.before : paragraphs.length, i }))
    .sort((a, b) => a.before - b.before || a.i - b.i);
  const blocks = [];
  let next = 0;
  const pushHeading = ({ i }) => blocks.push({ kind: 'heading', text: headings[i]?.text ?? '', html: hl.headings?.[i] });
  paragraphs.forEach((text, p) => {
    while (next < order.length && order[next].before <= p) pushHeading(order[next++]);
    blocks.push({ kind: 'paragraph', text, html: hl.paragraphs?.[p] });
  });
  while (next < order.length) pushHeading(order[next++]);
  return blocks;
}

function textOrHighlighted(node, text, html) {
  if (typeof html === 'string') appendHighlighted(node, html);
  else node.textContent = text ?? '';
  return node;
}

// Only web links from a feed become links; anything else (javascript:, data:) is shown as text.
function safeExternalUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// An undated article still tells the reader how fresh it is: the day it was indexed, marked as
// such so that it is never read as the day it was published.
function indexedDate(article) {
  const label = indexedLabel(article);
  return label && el('span', { className: 'indexed', title: 'The page gave no date; this is the day it was indexed.' }, label);
}

export function renderArticle(parts, state, article) {
  clear(parts.title);
  textOrHighlighted(parts.title, article.title, article.highlighted?.title);
  if (article.title_derived) parts.title.appendChild(el('span', { className: 'derived', title: 'The page had no headline; this title was derived from its first sentence.' }, ' (untitled)'));

  // An author's name lists their articles, newest first: a new search, not the one the reader came from.
  const fresh = withChanges(state, { q: '', sources: [], author: null, from: null, to: null, sort: 'relevance', page: 1, article: null });
  const authors = authorsLine(fresh, article.authors);
  clear(parts.meta);
  append(parts.meta, ...joined([article.source, authors, dateLabel(article) ?? indexedDate(article)]));
  if (article.embedded_in) {
    append(parts.meta, el('span', { className: 'sep', 'aria-hidden': 'true' }, ' · '),
      el('a', { href: articleHref(state, article.embedded_in), dataset: { nav: '' } }, 'page it appeared in'));
  }

  clear(parts.sourceUrl);
  const url = article.url ? safeExternalUrl(article.url) : null;
  if (url) append(parts.sourceUrl, 'Original: ', el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url));
  parts.sourceUrl.hidden = !url;

  clear(parts.text);
  for (const block of articleBlocks(article)) {
    parts.text.appendChild(textOrHighlighted(el(block.kind === 'heading' ? 'h2' : 'p', { className: block.kind }), block.text, block.html));
  }

  const dups = Array.isArray(article.duplicates) ? article.duplicates : [];
  clear(parts.duplicateList);
  for (const dup of dups) {
    parts.duplicateList.appendChild(el('li', {}, el('a', { href: articleHref(state, dup.id), dataset: { nav: '', id: dup.id } }, dup.title || dup.id),
      dup.source ? el('span', { className: 'meta' }, ` — ${dup.source}`) : null));
  }
  parts.duplicates.hidden = dups.length === 0;
}

export function renderSimilar(parts, state, similar) {
  const hits = Array.isArray(similar?.hits) ? similar.hits : [];
  clear(parts.similarList);
  for (const hit of hits) {
    const link = el('a', { href: articleHref(state, hit.id), dataset: { nav: '', id: hit.id } });
    appendHighlighted(link, hit.title);
    const snippet = el('p', { className: 'snippet' });
    appendHighlighted(snippet, hit.snippet);
    parts.similarList.appendChild(el('li', {}, link, el('p', { className: 'meta' }, ...joined([hit.source, dateLabel(hit)])), snippet));
  }
  parts.similar.hidden = hits.length === 0;
}
