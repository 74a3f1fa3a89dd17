import {h, s, mount} from './dom.js';
import {get} from './api.js';

// Live charts from /v1/metrics/summary, polled every POLL_MS: the summary holds cumulative counters, so each
// point is the difference of two polls (payments/s, the decision mix, fraud and dispute rates among the
// decisions of that interval, and the p99 of that interval's decision latencies from the histogram buckets).
const POLL_MS = 1000;
const KEEP = 60;
const OUTCOMES = ['approved', 'challenged', 'held_for_review', 'declined'];

export function chartsPage(main) {
  const points = [];
  let last = null;
  const totals = h('p', {id: 'chart-totals', class: 'muted'}, 'Waiting for the first figures…');
  const boxes = {
    rate: h('div', {class: 'card chart', id: 'chart-rate'}),
    mix: h('div', {class: 'card chart', id: 'chart-mix'}),
    rates: h('div', {class: 'card chart', id: 'chart-fraud'}),
    p99: h('div', {class: 'card chart', id: 'chart-p99'}),
  };
  mount(main, h('section', {}, h('h1', {}, 'Live charts'), totals, h('div', {class: 'grid'}, Object.values(boxes))));

  async function poll() {
    let now;
    try {
      now = await get('/v1/metrics/summary');
    } catch (err) {
      totals.textContent = `Could not read the metrics: ${err.message}`;
      return;
    }
    if (last) points.push(point(last, now));
    if (points.length > KEEP) points.shift();
    last = now;
    const fraud = now.labels.fraud || 0;
    mount(totals, 'Decisions: ', h('strong', {id: 'decisions-total'}, String(now.decisions_total)),
      ` · fraud labels: ${fraud} · disputes opened: ${now.disputes_opened}`);
    mount(boxes.rate, h('h2', {}, 'Payments per second'), line(points.map((p) => p.perSecond), 'rate', ''));
    mount(boxes.mix, h('h2', {}, 'Decision mix'), mix(points));
    mount(boxes.rates, h('h2', {}, 'Fraud and dispute rates (% of decisions)'),
      line(points.map((p) => p.fraudPct), 'fraud', '%', points.map((p) => p.disputePct)));
    mount(boxes.p99, h('h2', {}, 'Decision latency p99 (ms)'), line(points.map((p) => p.p99ms), 'p99', ' ms'));
  }

  poll();
  const timer = setInterval(poll, POLL_MS);
  return () => clearInterval(timer);
}

function point(a, b) {
  const seconds = Math.max(0.001, (b.at_ms - a.at_ms) / 1000);
  const decided = b.decisions_total - a.decisions_total;
  const mixOf = Object.fromEntries(OUTCOMES.map((o) => [o, (b.decisions[o] || 0) - (a.decisions[o] || 0)]));
  const fraud = (b.labels.fraud || 0) - (a.labels.fraud || 0);
  const disputes = b.disputes_opened - a.disputes_opened;
  return {perSecond: decided / seconds, mix: mixOf, decided,
    fraudPct: decided ? (100 * fraud) / decided : 0, disputePct: decided ? (100 * disputes) / decided : 0,
    p99ms: (p99(a.latency_buckets, b.latency_buckets) ?? NaN) / 1000};
}

/** The p99 (µs, a bucket's upper bound) of the latencies recorded between two polls; null when there were none. */
function p99(before, after) {
  const prior = new Map(before.map((x) => [x.le_us, x.count]));
  const diff = after.map((x) => ({le: x.le_us, n: x.count - (prior.get(x.le_us) || 0)}));
  const total = diff.length ? Math.max(...diff.map((d) => d.n)) : 0;
  if (!total) return null;
  const need = Math.ceil(total * 0.99);
  const hit = diff.find((d) => d.n >= need);
  return hit ? hit.le : diff[diff.length - 1].le;
}

const W = 360, H = 140, PAD = 28;

function line(values, id, unit, second) {
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: `svg-${id}`, role: 'img'});
  // NaN marks an interval without data (no decision, so no latency): the line breaks there.
  const all = values.concat(second || []).filter((v) => !Number.isNaN(v));
  const max = Math.max(1e-9, ...all);
  // The newest point at the right edge; older ones scroll left.
  const x = (i) => PAD + ((KEEP - values.length + i) * (W - PAD - 8)) / Math.max(1, KEEP - 1);
  const y = (v) => H - 18 - (v / max) * (H - 36);
  svg.append(s('line', {x1: PAD, y1: H - 18, x2: W - 8, y2: H - 18, class: 'axis'}),
    s('text', {x: 2, y: 14, class: 'tick'}, `${fmt(max)}${unit}`), s('text', {x: 2, y: H - 18, class: 'tick'}, '0'));
  const path = (vs, cls) => s('path', {class: `series ${cls}`, fill: 'none', d: vs.map((v, i) =>
    Number.isNaN(v) ? '' : `${i === 0 || Number.isNaN(vs[i - 1]) ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')});
  svg.append(path(values, 'first'));
  if (second) svg.append(path(second, 'second'));
  const known = values.filter((v) => !Number.isNaN(v));
  const latest = values.length && !Number.isNaN(values[values.length - 1]) ? fmt(values[values.length - 1]) + unit : '–';
  svg.append(s('text', {x: W - 8, y: 14, class: 'latest', 'text-anchor': 'end', id: `latest-${id}`},
    known.length ? latest : 'no data yet'));
  return svg;
}

function mix(points) {
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: 'svg-mix', role: 'img'});
  const bw = (W - PAD - 8) / KEEP;
  points.forEach((p, i) => {
    let y = H - 18;
    for (const o of OUTCOMES) {
      const hgt = p.decided ? ((H - 36) * p.mix[o]) / p.decided : 0;
      if (hgt > 0) {
        y -= hgt;
        svg.append(s('rect', {x: PAD + (KEEP - points.length + i) * bw, y, width: Math.max(1, bw - 1), height: hgt, class: `mix ${o}`},
          s('title', {}, `${o}: ${p.mix[o]}`)));
      }
    }
  });
  const names = {approved: 'approved', challenged: 'challenged', held_for_review: 'review', declined: 'declined'};
  svg.append(s('g', {transform: `translate(${PAD},${H - 4})`}, OUTCOMES.map((o, i) =>
    s('g', {transform: `translate(${i * 80},0)`}, s('rect', {x: 0, y: -8, width: 8, height: 8, class: `mix ${o}`}),
      s('text', {x: 11, y: 0, class: 'tick'}, names[o])))));
  return svg;
}

function fmt(v) {
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2);
}
