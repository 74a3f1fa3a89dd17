import {h, mount} from './dom.js';
import {get, post, session, setSession, whenLoggedOut} from './api.js';
import {loginPage} from './login.js';
import {queuesPage} from './queues.js';
import {entityPage} from './entity.js';
import {chartsPage} from './charts.js';
import {auditPage} from './audit.js';
import './queue-kinds.js';

// Pages by hash route: #/queues/review, #/entity/account/a1, #/charts, #/audit?subject=..
const PAGES = [
  {path: 'queues', title: 'Queues', key: 'q', render: (main, args) => queuesPage(main, args[0])},
  {path: 'entity', title: 'Entity', key: 'e', render: (main, args) => entityPage(main, args[0], args[1])},
  {path: 'charts', title: 'Live charts', key: 'c', render: (main) => chartsPage(main)},
  {path: 'audit', title: 'Audit log', key: 'l', render: (main, args, params) => auditPage(main, params)},
];

const main = document.getElementById('main');
const top = document.getElementById('top');
let stopPage = null;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [pathPart, queryPart] = raw.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return {page: parts[0] || 'queues', args: parts.slice(1), params: new URLSearchParams(queryPart || '')};
}

function nav(current) {
  const s = session.current;
  mount(top,
    h('nav', {class: 'bar'},
      h('span', {class: 'brand'}, 'Farthing'),
      PAGES.map((p) => h('a', {href: `#/${p.path}`, class: p.path === current ? 'active' : null,
        title: `${p.title} (g then ${p.key})`}, p.title)),
      h('span', {class: 'spacer'}),
      h('span', {id: 'who', class: 'muted'}, `${s.key_id} · ${s.role}`),
      h('button', {id: 'logout', type: 'button', onclick: logout}, 'Log out')));
}

async function logout() {
  try {
    await post('/console/logout');
  } finally {
    setSession(null);
    route();
  }
}

function route() {
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  if (!session.current) {
    top.replaceChildren();
    loginPage(main, () => route());
    return;
  }
  document.getElementById('notice')?.replaceChildren();
  const {page, args, params} = parseHash();
  const p = PAGES.find((x) => x.path === page) || PAGES[0];
  nav(p.path);
  document.title = `${p.title} · Farthing console`;
  stopPage = p.render(main, args, params) || null;
}

// "g" then a page key jumps to that page (queue pages add their own keys).
let pendingG = false;
document.addEventListener('keydown', (e) => {
  if (!session.current || e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (pendingG) {
    pendingG = false;
    e.stopImmediatePropagation(); // the key after g is a page key, not a queue action
    const p = PAGES.find((x) => x.key === e.key);
    if (p) location.hash = `#/${p.path}`;
  } else if (e.key === 'g') {
    pendingG = true;
    e.stopImmediatePropagation();
  }
});

whenLoggedOut(() => {
  setSession(null);
  route();
});
window.addEventListener('hashchange', route);

get('/console/session').then((s) => setSession(s)).catch(() => setSession(null)).finally(route);
