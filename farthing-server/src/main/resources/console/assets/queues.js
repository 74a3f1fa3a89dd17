import {h, mount, notice} from './dom.js';
import {get, post, query, session} from './api.js';

// The queue registry: each kind of work (reviews, risk holds, disputes, AML cases) registers once with how to
// load its items, its columns, filters and actions; the page below knows no kind. A new kind plugs in with one
// registerQueue call (see queue-kinds.js).
const KINDS = new Map();

/**
 * kind: {id, title, roles?: [role, ...] (who sees it; everyone when absent), load(filters) -> Promise<items>,
 *        itemId(item), columns: [{key, label, value(item), link?(item), sortValue?(item)}], open?(item) -> hash,
 *        filters: [{key, label, options: [[value, text], ...]}], actions: [{id, label, shortcut, run(item)}],
 *        assign?(item, me|null), assignee?(item)} (a kind with its own assignment route; else /v1/assignments),
 *        actors?: [role, ...], actorsWhy?: text (the roles whose keys the server lets act on it, and why; others
 *        see the queue with its actions disabled and that reason, instead of a 403 per item)}
 */
export function registerQueue(kind) {
  KINDS.set(kind.id, kind);
}

/** The kinds the logged-in role works (a kind's routes refuse the others anyway). */
export function queueKinds() {
  const role = session.current && session.current.role;
  return [...KINDS.values()].filter((k) => !k.roles || k.roles.includes(role) || role === 'admin');
}

/** Why the logged-in role may not act on this kind (null when it may): shown, never enforced here (the server does). */
export function whyMayNotAct(kind) {
  const role = session.current && session.current.role;
  if (!kind.actors || kind.actors.includes(role) || !(kind.actions || []).length) return null;
  return `Your role (${role}) may look but not act here: ${kind.actorsWhy || `only ${kind.actors.join(', ')} keys may`}.`;
}

/** A refusal from the server, said plainly: 403s name the rule (four eyes, role), the rest keep the server's detail. */
function refusal(err) {
  const why = {
    reviewer_required: 'needs a reviewer key (four eyes)',
    own_payment: 'this key submitted the payment; another reviewer must decide it',
    reviewer_conflict_of_interest: 'this key may not decide a dispute on its own payment',
    appeal_needs_another_reviewer: 'the reviewer who made the decision under appeal may not decide the appeal',
    forbidden: 'this role may not do that',
  }[err.code];
  return why ? `${why} (${err.message})` : err.message;
}

export function queuesPage(main, kindId) {
  const kinds = queueKinds();
  const kind = kinds.find((k) => k.id === kindId) || kinds[0];
  const cannotAct = whyMayNotAct(kind);
  const state = {items: [], assignments: new Map(), selected: new Set(), cursor: 0, sortKey: null, sortDir: 1,
    filters: Object.fromEntries((kind.filters || []).map((f) => [f.key, f.options[0][0]])), text: ''};
  const tabs = h('div', {class: 'tabs', role: 'tablist'}, kinds.map((k) =>
    h('a', {href: `#/queues/${k.id}`, role: 'tab', class: k.id === kind.id ? 'active' : null, id: `tab-${k.id}`}, k.title)));
  const filterBar = h('div', {class: 'filters'},
    (kind.filters || []).map((f) => h('label', {}, `${f.label} `,
      h('select', {id: `filter-${f.key}`, onchange: (e) => { state.filters[f.key] = e.target.value; reload(); }},
        f.options.map(([v, t]) => h('option', {value: v}, t))))),
    h('input', {id: 'queue-search', type: 'search', placeholder: 'Filter rows (/)', 'aria-label': 'Filter rows',
      oninput: (e) => { state.text = e.target.value.toLowerCase(); draw(); }}),
    h('span', {class: 'muted'}, 'Keys: j/k move · x select · ', (kind.actions || []).map((a) => `${a.shortcut} ${a.label.toLowerCase()} · `),
      'm assign to me · u unassign · Enter open'));
  const actionBar = h('div', {class: 'actions'});
  const roleNote = h('p', {id: 'queue-role-note', class: cannotAct ? 'role-note' : null, role: 'note', hidden: !cannotAct}, cannotAct || '');
  const table = h('table', {id: 'queue-table', class: 'queue'});
  const status = h('p', {class: 'muted', id: 'queue-status'});
  mount(main, h('section', {}, h('h1', {}, kind.title), tabs, filterBar, roleNote, actionBar, table, status));

  function visible() {
    let rows = state.items;
    if (state.text) {
      rows = rows.filter((it) => kind.columns.some((c) => String(c.value(it) ?? '').toLowerCase().includes(state.text)));
    }
    if (state.sortKey) {
      const col = kind.columns.find((c) => c.key === state.sortKey);
      rows = [...rows].sort((a, b) => compare(col.sortValue ? col.sortValue(a) : col.value(a),
        col.sortValue ? col.sortValue(b) : col.value(b)) * state.sortDir);
    }
    return rows;
  }

  function selectedItems() {
    const rows = visible();
    const chosen = rows.filter((it) => state.selected.has(kind.itemId(it)));
    return chosen.length ? chosen : (rows[state.cursor] ? [rows[state.cursor]] : []);
  }

  function draw() {
    const rows = visible();
    state.cursor = Math.min(state.cursor, Math.max(0, rows.length - 1));
    const head = h('tr', {}, h('th', {}, h('input', {type: 'checkbox', id: 'select-all', 'aria-label': 'Select all',
      checked: rows.length > 0 && rows.every((it) => state.selected.has(kind.itemId(it))),
      onchange: (e) => { rows.forEach((it) => e.target.checked ? state.selected.add(kind.itemId(it)) : state.selected.delete(kind.itemId(it))); draw(); }})),
    kind.columns.map((c) => h('th', {class: 'sortable', 'data-key': c.key, onclick: () => sortBy(c.key)},
      c.label, state.sortKey === c.key ? (state.sortDir > 0 ? ' ▲' : ' ▼') : '')),
    h('th', {}, 'Assigned'));
    const body = rows.map((it, i) => {
      const id = kind.itemId(it);
      const assigned = kind.assignee ? kind.assignee(it) : state.assignments.get(id);
      return h('tr', {class: i === state.cursor ? 'cursor' : null, 'data-id': id, onclick: () => { state.cursor = i; draw(); }},
        h('td', {}, h('input', {type: 'checkbox', class: 'row-select', 'aria-label': `Select ${id}`, checked: state.selected.has(id),
          onchange: (e) => { e.target.checked ? state.selected.add(id) : state.selected.delete(id); draw(); }})),
        kind.columns.map((c) => {
          const v = c.value(it);
          const link = c.link && c.link(it);
          return h('td', {class: c.key}, link ? h('a', {href: link}, v ?? '') : (v ?? ''));
        }),
        h('td', {class: 'assignee'}, assigned ? (assigned === session.current.key_id ? 'me' : assigned) : ''));
    });
    mount(table, h('thead', {}, head), h('tbody', {}, body));
    mount(actionBar,
      (kind.actions || []).map((a) => h('button', {type: 'button', id: `action-${a.id}`, onclick: () => act(a),
        disabled: Boolean(cannotAct), title: cannotAct || null}, `${a.label} (${a.shortcut})`)),
      h('button', {type: 'button', id: 'action-assign', onclick: () => assign('me')}, 'Assign to me (m)'),
      h('button', {type: 'button', id: 'action-unassign', onclick: () => assign(null)}, 'Unassign (u)'),
      h('span', {class: 'muted'}, ` ${state.selected.size} selected`));
    status.textContent = rows.length ? `${rows.length} item(s)` : 'Nothing in this queue.';
  }

  function sortBy(key) {
    state.sortDir = state.sortKey === key ? -state.sortDir : 1;
    state.sortKey = key;
    draw();
  }

  async function act(action) {
    if (cannotAct) {
      notice(`${action.label}: not done. ${cannotAct}`, 'error');
      return;
    }
    const items = selectedItems();
    if (!items.length) return;
    let done = 0;
    const failures = [];
    for (const it of items) {
      try {
        await action.run(it);
        done++;
      } catch (err) {
        failures.push(`${kind.itemId(it)}: ${refusal(err)}`);
      }
    }
    notice(failures.length ? `${action.label}: ${done} done, failed ${failures.join('; ')}` : `${action.label}: ${done} done`,
      failures.length ? 'error' : 'ok');
    state.selected.clear();
    await reload();
  }

  async function assign(who) {
    const items = selectedItems();
    const ids = items.map((it) => kind.itemId(it));
    if (!ids.length) return;
    try {
      if (kind.assign) {
        for (const it of items) await kind.assign(it, who);
      } else {
        await post('/v1/assignments', {kind: kind.id, ids, assignee: who});
      }
      notice(`${who ? 'Assigned' : 'Unassigned'} ${ids.length}`, 'ok');
    } catch (err) {
      notice(`Assignment failed: ${err.message}`, 'error');
    }
    await reload();
  }

  async function reload() {
    try {
      const [items, assigned] = await Promise.all([kind.load(state.filters),
        kind.assign ? {items: []} : get(`/v1/assignments${query({kind: kind.id})}`)]);
      state.items = items;
      state.assignments = new Map(assigned.items.map((a) => [a.id, a.assignee]));
      draw();
    } catch (err) {
      mount(table);
      status.textContent = `Could not load the queue: ${err.message}`;
    }
  }

  function onKey(e) {
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const rows = visible();
    const action = (kind.actions || []).find((a) => a.shortcut === e.key);
    if (e.key === 'j') { state.cursor = Math.min(rows.length - 1, state.cursor + 1); draw(); }
    else if (e.key === 'k') { state.cursor = Math.max(0, state.cursor - 1); draw(); }
    else if (e.key === 'x' && rows[state.cursor]) {
      const id = kind.itemId(rows[state.cursor]);
      state.selected.has(id) ? state.selected.delete(id) : state.selected.add(id);
      draw();
    } else if (e.key === 'm') { assign('me'); }
    else if (e.key === 'u') { assign(null); }
    else if (e.key === '/') { e.preventDefault(); document.getElementById('queue-search').focus(); }
    else if (e.key === 'Enter' && rows[state.cursor] && kind.open) { location.hash = kind.open(rows[state.cursor]); }
    else if (action) { act(action); }
  }

  document.addEventListener('keydown', onKey);
  reload();
  return () => document.removeEventListener('keydown', onKey);
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}
