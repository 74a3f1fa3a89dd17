import {h, mount} from './dom.js';
import {get, query, ApiError} from './api.js';

/** The audit log, searchable by subject (GET /v1/audit?subject=..); other filters narrow the page shown. */
export function auditPage(main, params) {
  const subject = h('input', {id: 'audit-subject', type: 'search', value: params.get('subject') || '',
    placeholder: 'subject (payment, dispute, key…)', 'aria-label': 'Subject'});
  const text = h('input', {id: 'audit-text', type: 'search', placeholder: 'filter actor, action, role…',
    'aria-label': 'Filter'});
  const table = h('table', {id: 'audit-table', class: 'queue'});
  const status = h('p', {class: 'muted', id: 'audit-status'});
  let rows = [];
  const form = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/audit${query({subject: subject.value.trim()})}`;
  }}, subject, h('button', {type: 'submit'}, 'Search'), text);
  text.addEventListener('input', draw);
  mount(main, h('section', {}, h('h1', {}, 'Audit log'), form, table, status));

  function draw() {
    const needle = text.value.toLowerCase();
    const shown = rows.filter((r) => !needle || JSON.stringify(r).toLowerCase().includes(needle));
    mount(table,
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Actor', 'Role', 'Action', 'Subject', 'Before', 'After']
        .map((t) => h('th', {}, t)))),
      h('tbody', {}, shown.map((r) => h('tr', {},
        h('td', {}, String(r.sequence ?? r.seq ?? '')), h('td', {}, r.at ?? r.time ?? ''),
        h('td', {}, r.actor ?? ''), h('td', {}, r.role ?? ''), h('td', {}, r.action ?? ''),
        h('td', {}, h('a', {href: `#/audit${query({subject: r.subject})}`}, r.subject ?? '')),
        h('td', {class: 'meta'}, show(r.before)), h('td', {class: 'meta'}, show(r.after))))));
    status.textContent = `${shown.length} of ${rows.length} record(s)`;
  }

  get(`/v1/audit${query({subject: params.get('subject'), limit: 200})}`).then((page) => {
    rows = page.events || page.items || page.data || page.records || [];
    draw();
  }).catch((err) => {
    status.textContent = err instanceof ApiError && err.status === 404
      ? 'This server has no audit log route.' : `Could not read the audit log: ${err.message}`;
  });
}

function show(v) {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
