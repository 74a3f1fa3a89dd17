import {h, mount, money, short} from './dom.js';
import {get, ApiError} from './api.js';
import {drawGraph} from './graph.js';

const KINDS = ['account', 'customer', 'device', 'address', 'instrument', 'payment'];
const link = (kind, id) => h('a', {href: `#/entity/${kind}/${encodeURIComponent(id)}`, title: id}, short(id));

/** An account, customer, device, address (IP), instrument or payment: its linked entities and recent payments. */
export function entityPage(main, kind, id) {
  const kindSelect = h('select', {id: 'entity-kind', 'aria-label': 'Kind'},
    KINDS.map((k) => h('option', {value: k, selected: k === kind}, k)));
  const idInput = h('input', {id: 'entity-id', type: 'search', value: id || '', placeholder: 'id, device id or IP',
    'aria-label': 'Entity id'});
  const form = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    if (idInput.value.trim()) location.hash = `#/entity/${kindSelect.value}/${encodeURIComponent(idInput.value.trim())}`;
  }}, kindSelect, idInput, h('button', {type: 'submit'}, 'Show'));
  const body = h('div', {id: 'entity-body'});
  mount(main, h('section', {}, h('h1', {}, kind && id ? `${kind} ${id}` : 'Entity'), form, body));
  if (kind && id) load(body, kind, id);
}

async function load(body, kind, id) {
  mount(body, h('p', {class: 'muted'}, 'Loading…'));
  try {
    const view = kind === 'customer' ? await customerView(id) : await get(`/v1/entities/${kind}/${encodeURIComponent(id)}`);
    render(body, view);
  } catch (err) {
    mount(body, h('p', {class: 'error'}, err instanceof ApiError ? err.message : String(err)));
  }
}

/** A customer is its accounts: their neighbourhoods merged, with the customer linked to each account. */
async function customerView(id) {
  const c = await get(`/v1/customers/${encodeURIComponent(id)}`);
  const views = await Promise.all(c.account_ids.map((a) => get(`/v1/entities/account/${encodeURIComponent(a)}`)));
  const nodes = new Map([[`customer:${id}`, {kind: 'customer', id}]]);
  const edges = [];
  const payments = new Map();
  for (const a of c.account_ids) {
    nodes.set(`account:${a}`, {kind: 'account', id: a});
    edges.push({from: `customer:${id}`, to: `account:${a}`, relation: 'owns'});
  }
  for (const v of views) {
    v.nodes.forEach((n) => nodes.set(`${n.kind}:${n.id}`, n));
    edges.push(...v.edges);
    v.payments.forEach((p) => payments.set(p.id, p));
  }
  const sorted = [...payments.values()].sort((a, b) => b.decided_at.localeCompare(a.decided_at));
  return {kind: 'customer', id, nodes: [...nodes.values()], edges, payments: sorted};
}

function render(body, view) {
  const centre = `${view.kind}:${view.id}`;
  const graph = view.nodes.length
    ? drawGraph(view.nodes, view.edges, centre, (n) => { location.hash = `#/entity/${n.kind}/${encodeURIComponent(n.id)}`; })
    : h('p', {class: 'muted'}, 'No payments seen for this entity since the server started.');
  const rows = view.payments.map((p) => h('tr', {'data-payment': p.id},
    h('td', {}, link('payment', p.id)),
    h('td', {}, link('account', p.payer)), h('td', {}, link('account', p.payee)),
    h('td', {class: 'num'}, money(p.amount, p.currency)),
    h('td', {class: `decision ${p.decision}`}, p.decision), h('td', {}, p.status),
    h('td', {class: 'reasons'}, h('ul', {}, p.reasons.map((r) => h('li', {}, h('code', {}, r.code), ' ', r.detail)))),
    h('td', {}, link('device', p.device)), h('td', {}, link('address', p.address)),
    h('td', {class: 'meta'}, p.user_agent || ''), h('td', {class: 'meta'}, p.content_id || ''),
    h('td', {}, p.decided_at)));
  mount(body,
    h('h2', {}, `Linked accounts and devices (${view.nodes.length})`), h('div', {class: 'card graph'}, graph),
    h('h2', {}, `Recent payments and decisions (${view.payments.length})`),
    h('table', {id: 'entity-payments', class: 'queue'},
      h('thead', {}, h('tr', {}, ['Payment', 'Payer', 'Payee', 'Amount (minor units)', 'Decision', 'Status', 'Reasons', 'Device',
        'Address', 'User agent', 'Content', 'Decided'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows)));
}
