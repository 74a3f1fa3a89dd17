// DOM building without HTML strings: every text goes through textContent, every attribute through
// setAttribute, so data from the server can never become markup. There is no innerHTML anywhere in the console.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element: h('td', {class: 'x'}, 'text', otherNode). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces the children of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  build(el, {}, children);
  return el;
}

/**
 * An amount as the API gives it: an integer of minor units (10^-scale of the currency; USD and EUR are at scale 6
 * out of the box). Shown exactly, grouped by thousands, never converted through floating point.
 */
export function money(amount, currency) {
  const n = BigInt(amount);
  return `${n.toLocaleString('en')} ${currency || ''}`.trim();
}

/** A long id (a pseudonym) cut for a table cell; the full id stays in the title. */
export function short(id, keep = 18) {
  return id && id.length > keep ? `${id.slice(0, keep - 1)}…` : id;
}

export function notice(text, kind = 'info') {
  const box = document.getElementById('notice') || document.body.appendChild(h('div', {id: 'notice', role: 'status'}));
  mount(box, h('span', {class: `notice ${kind}`}, text));
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => box.replaceChildren(), 6000);
}
