// Turns the server's highlighted fields into DOM without ever parsing them as HTML.
// The server escapes everything from the article and adds only literal <mark> and </mark>;
// we split on those two tags, decode the five entities the server escapes, and insert the
// rest as text nodes, so article text can never become markup here.

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#34;': '"', '&apos;': "'" };
const ENTITY_RE = /&(?:amp|lt|gt|quot|apos|#39|#x27|#34);/g;

// One pass, so "&amp;lt;" becomes the text "&lt;" and not "<".
export function decodeEntities(text) {
  return String(text).replace(ENTITY_RE, (entity) => ENTITIES[entity]);
}

// Appends `html` (escaped text plus <mark> tags) to `parent` as text nodes and <mark> elements.
export function appendHighlighted(parent, html) {
  if (html === null || html === undefined) return parent;
  const doc = parent.ownerDocument;
  let target = parent;
  for (const piece of String(html).split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') {
      if (target === parent) {
        target = doc.createElement('mark');
        parent.appendChild(target);
      }
    } else if (tag === '</mark>') {
      target = parent;
    } else if (piece) {
      target.appendChild(doc.createTextNode(decodeEntities(piece)));
    }
  }
  return parent;
}

// Plain text of a highlighted field (for document.title, aria labels, comparisons).
export function highlightedToText(html) {
  return decodeEntities(String(html ?? '').replace(/<\/?mark>/gi, ''));
}
