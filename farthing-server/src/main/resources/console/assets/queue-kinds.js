import {get, post, query, session} from './api.js';
import {money} from './dom.js';
import {registerQueue} from './queues.js';

// The queue kinds this server has. Each is one registerQueue call; a domain that adds a queue (disputes, AML
// cases) adds one here.

const entityLink = (kind, id) => `#/entity/${kind}/${encodeURIComponent(id)}`;

registerQueue({
  id: 'review',
  title: 'Reviews',
  load: async (f) => (await get(`/v1/reviews${query({status: f.status, limit: 1000})}`)).reviews,
  itemId: (r) => r.payment_id,
  open: (r) => entityLink('payment', r.payment_id),
  // Four eyes: the server decides reviews only for a reviewer key (admin too is refused, 403 reviewer_required),
  // never for the key that submitted the payment.
  actors: ['reviewer'],
  actorsWhy: 'reviews are decided only by a reviewer key (four eyes: not admin, not the key that submitted the payment)',
  filters: [{key: 'status', label: 'Status', options: [['open', 'Open'], ['approved', 'Approved'],
    ['declined', 'Declined'], ['expired', 'Expired'], ['all', 'All']]}],
  columns: [
    {key: 'payment_id', label: 'Payment', value: (r) => r.payment_id, link: (r) => entityLink('payment', r.payment_id)},
    {key: 'amount', label: 'Amount (minor units)', value: (r) => money(r.amount, r.currency), sortValue: (r) => r.amount},
    {key: 'score', label: 'Score', value: (r) => (r.score ?? 0).toFixed(3), sortValue: (r) => r.score ?? 0},
    {key: 'reasons', label: 'Reasons', value: (r) => r.reason_codes.join(', ')},
    {key: 'status', label: 'Status', value: (r) => r.status},
    {key: 'opened_at', label: 'Opened', value: (r) => r.opened_at},
  ],
  actions: [
    {id: 'approve', label: 'Approve', shortcut: 'a',
      run: (r) => post(`/v1/reviews/${encodeURIComponent(r.payment_id)}`, {verdict: 'approve', label: 'legit'})},
    {id: 'decline', label: 'Decline', shortcut: 'd',
      run: (r) => post(`/v1/reviews/${encodeURIComponent(r.payment_id)}`, {verdict: 'decline', label: 'fraud'})},
  ],
});

registerQueue({
  id: 'hold',
  title: 'Risk holds',
  // Challenged payments whose money is held until the payer passes (or fails) step-up; the payer's proof
  // releases them, so the console shows them and who looks after them, and decides nothing here.
  load: async (f) => (await get(`/v1/payments${query({status: 'held', limit: 1000})}`)).data
    .filter((p) => f.decision === 'all' || p.decision === f.decision),
  itemId: (p) => p.id,
  open: (p) => entityLink('payment', p.id),
  filters: [{key: 'decision', label: 'Decision', options: [['challenged', 'Challenged (step-up)'],
    ['held_for_review', 'Held for review'], ['all', 'All']]}],
  columns: [
    {key: 'id', label: 'Payment', value: (p) => p.id, link: (p) => entityLink('payment', p.id)},
    {key: 'decision', label: 'Decision', value: (p) => p.decision},
    {key: 'score', label: 'Score', value: (p) => (p.score ?? 0).toFixed(3), sortValue: (p) => p.score ?? 0},
    {key: 'reasons', label: 'Reasons', value: (p) => p.reasons.map((r) => r.code).join(', ')},
    {key: 'decided_at', label: 'Decided', value: (p) => p.decided_at},
  ],
  actions: [],
});

registerQueue({
  id: 'dispute',
  title: 'Disputes',
  // What a reviewer may decide: escalated and appealed disputes (the "queue" filter), or those waiting on
  // evidence. A reviewer key only: the server refuses the claimant's and the payment's own keys, and an appeal
  // goes to a reviewer other than the one who decided.
  load: async (f) => (await get(`/v1/disputes${query({state: f.state, limit: 1000})}`)).data,
  itemId: (d) => d.id,
  open: (d) => (d.payment_id ? entityLink('payment', d.payment_id) : entityLink('account', d.claimant)),
  actors: ['reviewer'],
  actorsWhy: 'disputes are decided only by a reviewer key (not admin, not the key that submitted the payment)',
  filters: [{key: 'state', label: 'State', options: [['queue', 'To decide (escalated, appealed)'],
    ['evidence', 'Waiting for evidence'], ['open', 'Open'], ['decided', 'Decided'], ['final', 'Final'], ['all', 'All']]}],
  columns: [
    {key: 'id', label: 'Dispute', value: (d) => d.id},
    {key: 'payment_id', label: 'Payment', value: (d) => d.payment_id || d.channel_id,
      link: (d) => (d.payment_id ? entityLink('payment', d.payment_id) : null)},
    {key: 'claimant', label: 'Claimant', value: (d) => d.claimant, link: (d) => entityLink('account', d.claimant)},
    {key: 'reason', label: 'Reason', value: (d) => d.reason},
    {key: 'amount', label: 'Amount (minor units)', value: (d) => money(d.amount, d.currency), sortValue: (d) => d.amount},
    {key: 'state', label: 'State', value: (d) => d.state},
    {key: 'tier', label: 'Tier', value: (d) => d.tier || ''},
    {key: 'classification', label: 'Class', value: (d) => d.classification || ''},
    {key: 'why', label: 'Escalated because', value: (d) => ((d.resolution && d.resolution.escalate_because) || []).join('; ')},
    {key: 'hours_left', label: 'Hours left', value: (d) => d.hours_left, sortValue: (d) => d.hours_left ?? 1e9},
  ],
  actions: [
    {id: 'won', label: 'Claimant wins', shortcut: 'w',
      run: (d) => post(`/v1/disputes/${encodeURIComponent(d.id)}/decision`, {outcome: 'won', note: 'decided in the console'})},
    {id: 'lost', label: 'Claimant loses', shortcut: 'l',
      run: (d) => post(`/v1/disputes/${encodeURIComponent(d.id)}/decision`, {outcome: 'lost', note: 'decided in the console'})},
    {id: 'escalate', label: 'Escalate', shortcut: 'e',
      run: (d) => post(`/v1/disputes/${encodeURIComponent(d.id)}/decision`, {escalate: true, note: 'escalated from the console'})},
  ],
});

registerQueue({
  id: 'case',
  title: 'AML cases',
  roles: ['compliance'], // the case routes are compliance's (and admin's)
  // Cases from transaction monitoring and referrals; a case carries its own assignee (POST /v1/cases/{id}/assign).
  load: async (f) => (await get(`/v1/cases${query({state: f.state === 'all' ? null : f.state, limit: 1000})}`)).data,
  itemId: (c) => c.id,
  open: (c) => entityLink('account', c.subject),
  actors: ['compliance', 'admin'],
  actorsWhy: 'AML cases are worked by compliance keys',
  assignee: (c) => c.assignee,
  assign: async (c, who) => {
    if (who !== 'me') throw new Error('a case cannot be unassigned: assign it to whoever takes it over');
    return post(`/v1/cases/${encodeURIComponent(c.id)}/assign`, {assignee: session.current.key_id});
  },
  filters: [{key: 'state', label: 'State', options: [['all', 'All'], ['open', 'Open'], ['investigating', 'Investigating'],
    ['escalated', 'Escalated'], ['closed_no_action', 'Closed, no action'], ['sar_filed', 'SAR filed']]}],
  columns: [
    {key: 'id', label: 'Case', value: (c) => c.id},
    {key: 'subject', label: 'Subject', value: (c) => c.subject, link: (c) => entityLink('account', c.subject)},
    {key: 'state', label: 'State', value: (c) => c.state},
    {key: 'alert_count', label: 'Alerts', value: (c) => c.alert_count, sortValue: (c) => c.alert_count},
    {key: 'detected_at', label: 'Detected', value: (c) => c.detected_at},
    {key: 'sar_due_at', label: 'SAR due', value: (c) => c.sar_due_at},
    {key: 'overdue', label: 'Overdue', value: (c) => (c.overdue ? 'overdue' : '')},
    {key: 'sar_proposed_by', label: 'SAR proposed by', value: (c) => c.sar_proposed_by || ''},
  ],
  actions: [
    ['investigate', 'Investigate', 'i'], ['escalate', 'Escalate', 'e'], ['close_no_action', 'Close, no action', 'n'],
    ['propose_sar', 'Propose SAR', 'p'], ['approve_sar', 'Approve SAR', 's'],
  ].map(([decision, label, shortcut]) => ({id: decision, label, shortcut,
    run: (c) => post(`/v1/cases/${encodeURIComponent(c.id)}/decision`, {decision, note: 'decided in the console'})})),
});
