import {s} from './dom.js';

// A drawn graph of linked entities: a small force-directed layout (springs on edges, repulsion between nodes),
// deterministic (nodes start on a circle in the server's order), run to rest before drawing. Up to ~80 nodes.
const COLORS = {account: '#2f6fb0', device: '#b06a2f', address: '#4d8f3a', instrument: '#7a4fa3', customer: '#a33a5a'};

export function drawGraph(nodes, edges, centre, onPick) {
  const W = 760, H = 420;
  const key = (n) => `${n.kind}:${n.id}`;
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    pos.set(key(n), {x: W / 2 + 160 * Math.cos(a), y: H / 2 + 140 * Math.sin(a), vx: 0, vy: 0});
  });
  if (pos.has(centre)) Object.assign(pos.get(centre), {x: W / 2, y: H / 2});
  const links = edges.filter((e) => pos.has(e.from) && pos.has(e.to));
  for (let step = 0; step < 300; step++) {
    const ps = [...pos.values()];
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        const dx = ps[i].x - ps[j].x, dy = ps[i].y - ps[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 6000 / d2;
        const d = Math.sqrt(d2);
        ps[i].vx += (f * dx) / d; ps[i].vy += (f * dy) / d;
        ps[j].vx -= (f * dx) / d; ps[j].vy -= (f * dy) / d;
      }
    }
    for (const e of links) {
      const a = pos.get(e.from), b = pos.get(e.to);
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = (d - 130) * 0.02;
      a.vx += (f * dx) / d; a.vy += (f * dy) / d;
      b.vx -= (f * dx) / d; b.vy -= (f * dy) / d;
    }
    for (const [k, p] of pos) {
      p.vx += (W / 2 - p.x) * 0.005; p.vy += (H / 2 - p.y) * 0.005;
      if (k === centre) { p.vx = 0; p.vy = 0; }
      p.x = Math.min(W - 30, Math.max(30, p.x + p.vx * 0.5));
      p.y = Math.min(H - 20, Math.max(20, p.y + p.vy * 0.5));
      p.vx *= 0.6; p.vy *= 0.6;
    }
  }
  const svg = s('svg', {id: 'entity-graph', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': `Graph of ${nodes.length} linked entities`});
  for (const e of links) {
    const a = pos.get(e.from), b = pos.get(e.to);
    svg.append(s('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${e.relation}`},
      s('title', {}, `${e.from} ${e.relation} ${e.to}`)));
  }
  for (const n of nodes) {
    const p = pos.get(key(n));
    const short = n.id.length > 14 ? `${n.id.slice(0, 12)}…` : n.id;
    svg.append(s('g', {class: `node ${n.kind}${key(n) === centre ? ' centre' : ''}`, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
      'data-node': key(n), tabindex: 0, onclick: () => onPick(n), onkeydown: (ev) => { if (ev.key === 'Enter') onPick(n); }},
    n.kind === 'account' || n.kind === 'customer'
      ? s('circle', {r: key(n) === centre ? 11 : 8, fill: COLORS[n.kind]})
      : s('rect', {x: -7, y: -7, width: 14, height: 14, fill: COLORS[n.kind] || '#666'}),
    s('text', {x: 12, y: 4}, short),
    s('title', {}, `${n.kind} ${n.id}`)));
  }
  const legend = s('g', {class: 'legend', transform: 'translate(10,16)'},
    Object.entries(COLORS).map(([k, c], i) => s('g', {transform: `translate(${i * 95},0)`},
      s('rect', {x: 0, y: -9, width: 10, height: 10, fill: c}), s('text', {x: 14, y: 0}, k))));
  svg.append(legend);
  return svg;
}
