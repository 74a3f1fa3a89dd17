import {h, mount} from './dom.js';
import {get, query, ApiError} from './api.js';

const FILTERS = [
  ['subject', 'subject, e.g. payment:p-1 or dispute:d-1'],
  ['actor', 'actor: a key id or system:<module>'],
  ['action', 'action, e.g. review.decided or review.'],
];

/**
 * The audit log (GET /v1/audit), searched by subject, actor and action on the server, oldest first a page at a
 * time; the text box narrows the page shown. A subject in the table links to that subject's records.
 */
/** A before/after JSON string, cut to a readable length; the whole of it in the title. */
function cut(json) {
  const text = json ?? '';
  return h('td', {class: 'meta', title: text}, text.length > 140 ? `${text.slice(0, 139)}…` : text);
}

export function auditPage(main, params) {
  const inputs = Object.fromEntries(FILTERS.map(([name, hint]) =>
    [name, h('input', {id: `audit-${name}`, type: 'search', value: params.get(name) || '', placeholder: hint, 'aria-label': name})]));
  const text = h('input', {id: 'audit-text', type: 'search', placeholder: 'filter this page…', 'aria-label': 'Filter this page'});
  const table = h('table', {id: 'audit-table', class: 'queue'});
  const status = h('p', {class: 'muted', id: 'audit-status'});
  const more = h('button', {type: 'button', id: 'audit-more', hidden: true}, 'Next page');
  let rows = [];
  let cursor = null;
  const form = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/audit${query(Object.fromEntries(FILTERS.map(([n]) => [n, inputs[n].value.trim()])))}`;
  }}, Object.values(inputs), h('button', {type: 'submit', id: 'audit-search'}, 'Search'), text);
  text.addEventListener('input', draw);
  more.addEventListener('click', () => load(cursor));
  mount(main, h('section', {}, h('h1', {}, 'Audit log'), form, table, more, status));

  function draw() {
    const needle = text.value.toLowerCase();
    const shown = rows.filter((r) => !needle || JSON.stringify(r).toLowerCase().includes(needle));
    mount(table,
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Actor', 'Role', 'Action', 'Subject', 'Before', 'After', 'Hash']
        .map((t) => h('th', {}, t)))),
      h('tbody', {}, shown.map((r) => h('tr', {'data-sequence': r.sequence},
        h('td', {}, String(r.sequence)), h('td', {}, r.time), h('td', {}, r.actor), h('td', {}, r.role),
        h('td', {class: 'action'}, r.action),
        h('td', {}, h('a', {href: `#/audit${query({subject: r.subject})}`}, r.subject)),
        cut(r.before), cut(r.after),
        h('td', {class: 'meta', title: r.hash}, (r.hash || '').slice(0, 12))))));
    status.textContent = `${shown.length} of ${rows.length} record(s) loaded`;
  }

  function load(after) {
    const q = Object.fromEntries(FILTERS.map(([n]) => [n, params.get(n)]));
    get(`/v1/audit${query({...q, limit: 200, after})}`).then((page) => {
      rows = after ? rows.concat(page.data) : page.data;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      draw();
    }).catch((err) => {
      status.textContent = err instanceof ApiError && err.status === 404
        ? 'This server has no audit log.' : `Could not read the audit log: ${err.message}`;
    });
  }

  load(null);
}
