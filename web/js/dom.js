// Tiny DOM helpers. Children that are strings become text nodes, never markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// "a · b · c" from the non-empty parts (text, or nodes such as links), each in its own span.
export function joined(parts, className = 'meta-part') {
  const isNode = (part) => typeof part === 'object' && part !== null && 'nodeType' in part;
  const items = parts.filter((part) => part !== null && part !== undefined && (isNode(part) || String(part).trim() !== ''));
  const out = [];
  items.forEach((part, i) => {
    if (i > 0) out.push(el('span', { className: 'sep', 'aria-hidden': 'true' }, ' · '));
    out.push(el('span', { className }, isNode(part) ? part : String(part)));
  });
  return out;
}

// A message block: title, optional detail and optional action elements.
export function messageBlock(kind, title, detail, ...actions) {
  return el(
    'div',
    { className: `message-block ${kind}`, dataset: { state: kind } },
    el('p', { className: 'message-title' }, title),
    detail ? el('p', { className: 'message-detail' }, detail) : null,
    actions.length ? el('p', { className: 'message-actions' }, ...actions) : null,
  );
}
