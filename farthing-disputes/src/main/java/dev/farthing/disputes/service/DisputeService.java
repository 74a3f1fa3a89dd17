package dev.farthing.disputes.service;

import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.disputes.calendar.BusinessCalendar;
import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.evidence.EvidenceSources;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.Appeal;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeClass;
import dev.farthing.disputes.model.DisputeError;
import dev.farthing.disputes.model.DisputeException;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Money;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.NewEvidence;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.money.DisputeMoney;
import dev.farthing.disputes.resolve.AutoResolver;
import dev.farthing.disputes.resolve.LogisticModel;
import dev.farthing.ledger.api.SystemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Disputes: filing (evidence gathered, resolved at once), evidence, appeals, reviewer decisions, delivery records
 * and deadlines, on a record log in its own directory. One writer thread applies every change (see {@link Writer});
 * evidence is gathered and money moved on the caller's thread, before and after. Time is ledger time.
 */
public final class DisputeService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DisputeService.class);
    private final SystemLedger ledger;
    private final DisputeOptions options;
    private final DisputeStore store;
    private final DisputeBook book;
    private final Gatherer gatherer;
    private final Transitions transitions;
    private final DisputeMoney money;
    private final AuditSink audit;
    private final RiskLabels labels;
    private final Writer writer;

    private DisputeService(Path dir, SystemLedger ledger, EvidenceSources sources, LogisticModel model,
                           AuditSink audit, RiskLabels labels, DisputeOptions options) {
        this.ledger = ledger;
        this.options = options;
        this.book = new DisputeBook(options.maxDisputes(), options.maxDeliveries());
        this.store = new DisputeStore(dir, options.fsync());
        this.gatherer = new Gatherer(sources, book);
        this.transitions = new Transitions(new AutoResolver(model));
        this.money = new DisputeMoney(ledger, options.chargebackFee());
        this.audit = audit;
        this.labels = labels;
        this.writer = new Writer(this::tick, options.tickMillis());
    }

    /** Opens (replaying the log), then settles any money a crash left half moved, then starts the writer. */
    public static DisputeService open(Path dir, SystemLedger ledger, EvidenceSources sources, LogisticModel model,
                                      AuditSink audit, RiskLabels labels, DisputeOptions options) {
        DisputeService s = new DisputeService(dir, ledger, sources, model, audit, labels, options);
        try {
            s.store.replay(s.book::put, s.book::putDelivery);
            s.writer.start();
            for (Dispute d : List.copyOf(s.book.disputes.values())) {
                if ("failed".equals(d.money().status()) || needsSettling(d)) s.effects(d);
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static boolean needsSettling(Dispute d) {
        boolean decided = d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL;
        long target = d.outcome() != null && d.outcome().refunds() ? d.refund() : 0;
        return decided && (target != d.money().refunded() || "provisional".equals(d.money().status()));
    }

    public long now() {
        return ledger.now();
    }

    /** Whole hours until the dispute's current deadline, at ledger time now (0 once passed or final). */
    public long hoursLeft(Dispute d) {
        return d.state().terminal() ? 0 : BusinessCalendar.hoursLeft(d.deadline(), now());
    }

    public Jurisdiction jurisdiction(Dispute d) {
        return options.jurisdictions().named(d.jurisdiction());
    }

    public record Created(Dispute dispute, boolean replayed) {
    }

    public Created create(NewDispute r) {
        Dispute existing = book.disputes.get(r.id());
        if (existing != null) return repeat(existing, r);
        String other = r.paymentId() == null ? null : book.disputeOfPayment(r.paymentId());
        if (other != null) {
            throw new DisputeException(DisputeError.ALREADY_DISPUTED, "payment " + r.paymentId() + " is already disputed by " + other);
        }
        long now = now();
        Gathered g = gatherer.gather(r, now);
        String currency = g.payment() != null ? g.payment().currency() : g.channel().currency();
        long whole = g.payment() != null ? Math.addExact(g.payment().amount(), g.payment().feeAmount()) : g.channel().paidToPayee();
        long amount = r.amount() != null ? r.amount() : whole;
        if (amount > whole || amount <= 0) {
            throw new DisputeException(DisputeError.AMOUNT_EXCEEDS_PAYMENT, "amount " + amount + " is more than the "
                    + whole + " paid" + (g.payment() != null ? " (amount plus fee)" : " in the channel"));
        }
        Jurisdiction j = options.jurisdictions().of(currency);
        Created made = writer.call(() -> {
            Dispute again = book.disputes.get(r.id());
            if (again != null) return repeat(again, r);
            if (book.disputes.size() >= book.maxDisputes) {
                throw new DisputeException(DisputeError.UNAVAILABLE, "the dispute book is full (" + book.maxDisputes + ")");
            }
            Dispute open = new Dispute(r, currency, amount, j.name(), DisputeState.OPEN, null, null, 0, null, null,
                    null, false, now, now, j.deadline(DisputeState.OPEN, null, now),
                    r.evidence().stream().map(e -> e.at(now)).toList(), g, null, false, Money.NONE,
                    List.of(new dev.farthing.disputes.model.Transition(null, DisputeState.OPEN, now, Dispute.SYSTEM, "filed by " + r.claimant())));
            commit(null, open, Dispute.SYSTEM, "dispute.opened");
            Dispute next = transitions.resolve(open, g, j, now, false);
            commit(open, next, Dispute.SYSTEM, action(next));
            return new Created(next, false);
        });
        return made.replayed() ? made : new Created(effects(made.dispute()), false);
    }

    private static Created repeat(Dispute existing, NewDispute r) {
        if (!existing.request().equals(r)) {
            throw new DisputeException(DisputeError.ID_CONFLICT, "dispute " + r.id() + " exists with another body");
        }
        return new Created(existing, true);
    }

    public Optional<Dispute> get(String id) {
        return Optional.ofNullable(book.disputes.get(id));
    }

    /** Disputes in id order after {@code after} (null: from the first) that pass {@code filter}. */
    public List<Dispute> list(Predicate<Dispute> filter, String after, int limit) {
        return book.list(filter, after, limit);
    }

    /** Adds evidence; in {@code open} or {@code evidence} it runs the resolution again on it. */
    public Dispute addEvidence(String id, List<NewEvidence> items, String actor) {
        if (items.isEmpty() || items.size() > NewDispute.MAX_EVIDENCE) {
            throw new DisputeException(DisputeError.INVALID, "give 1.." + NewDispute.MAX_EVIDENCE + " evidence items");
        }
        Dispute d = require(id);
        Transitions.requireState(d, Transitions.DECIDABLE, "given evidence");
        long now = now();
        Gathered g = gatherer.gather(d.request(), now);
        Dispute done = writer.call(() -> {
            Dispute cur = require(id);
            Transitions.requireState(cur, Transitions.DECIDABLE, "given evidence");
            if (cur.evidence().size() + items.size() > 4 * NewDispute.MAX_EVIDENCE) {
                throw new DisputeException(DisputeError.INVALID, "dispute " + id + " holds as much evidence as it may");
            }
            Dispute more = cur.withEvidence(items.stream().map(e -> e.at(now)).toList());
            commit(cur, more, actor, "dispute.evidence_added");
            if (cur.state() == DisputeState.OPEN || cur.state() == DisputeState.EVIDENCE) {
                Dispute next = transitions.resolve(more, g, jurisdiction(more), now, false);
                if (next != more) commit(more, next, Dispute.SYSTEM, action(next));
                return next;
            }
            return more;
        });
        return effects(done);
    }

    public Dispute appeal(String id, Party by, String narrative, List<NewEvidence> items, String actor) {
        if (narrative != null && narrative.length() > NewDispute.MAX_NARRATIVE) {
            throw new DisputeException(DisputeError.INVALID, "narrative must be at most " + NewDispute.MAX_NARRATIVE + " characters");
        }
        if (items.size() > NewDispute.MAX_EVIDENCE) {
            throw new DisputeException(DisputeError.INVALID, "at most " + NewDispute.MAX_EVIDENCE + " evidence items");
        }
        return writer.call(() -> {
            Dispute cur = require(id);
            long now = now();
            Appeal a = new Appeal(by, narrative, cur.outcome(), cur.refund(), cur.decidedBy(), cur.automatic(), now);
            Dispute next = transitions.appeal(cur.withEvidence(items.stream().map(e -> e.at(now)).toList()), a, jurisdiction(cur), now);
            commit(cur, next, actor, "dispute.appealed");
            return next;
        });
    }

    /**
     * A reviewer decides or escalates. Refused ({@code reviewer_conflict_of_interest}) when the reviewer's key is
     * the claimant or submitted the disputed payment, and ({@code appeal_needs_another_reviewer}) when it made the
     * decision under appeal.
     */
    public Dispute decide(String id, ReviewerDecision decision, Reviewer who) {
        Dispute done = writer.call(() -> {
            Dispute cur = require(id);
            if (who.keyId().equals(cur.claimant()) || (cur.gathered() != null && cur.gathered().payment() != null
                    && who.keyId().equals(cur.gathered().payment().submittedByKey()))) {
                throw new DisputeException(DisputeError.CONFLICT_OF_INTEREST, "key " + who.keyId()
                        + (who.keyId().equals(cur.claimant()) ? " is the claimant" : " submitted the disputed payment")
                        + ": another reviewer decides");
            }
            if (cur.appeal() != null && who.keyId().equals(cur.appeal().previousDecider())) {
                throw new DisputeException(DisputeError.SAME_REVIEWER, "key " + who.keyId()
                        + " made the decision under appeal: a different reviewer decides the appeal");
            }
            long now = now();
            Jurisdiction j = jurisdiction(cur);
            Dispute next = decision.escalate()
                    ? transitions.escalate(cur, who.keyId(), decision.note(), j, now)
                    : transitions.decide(cur, decision.outcome(), decision.refund(), who.keyId(), decision.note(), j, now);
            commit(cur, next, who.keyId(), who.role(), action(next));
            return next;
        });
        return effects(done);
    }

    public record Recorded(Delivery delivery, boolean replayed) {
    }

    /** Records proof of delivery; the same record again is an idempotent repeat. */
    public Recorded recordDelivery(String paymentId, String contentId, long deliveredAt, Double progress) {
        long now = now();
        return writer.call(() -> {
            for (Delivery d : book.deliveries(paymentId)) {
                if (d.contentId().equals(contentId) && d.deliveredAt() == deliveredAt && java.util.Objects.equals(d.progress(), progress)) {
                    return new Recorded(d, true);
                }
            }
            if (book.deliveriesFull(paymentId)) {
                throw new DisputeException(DisputeError.UNAVAILABLE, "no room for another delivery record of payment " + paymentId);
            }
            Delivery d = new Delivery(paymentId, contentId, deliveredAt, progress, now);
            store.append(d);
            book.putDelivery(d);
            return new Recorded(d, false);
        });
    }

    /**
     * Applies every deadline passed at ledger time now: open and evidence are resolved on fresh evidence (else
     * escalated), the others as {@link Transitions#timeout}. Returns how many disputes moved.
     */
    public int tick() {
        long now = now();
        int moved = 0;
        for (Dispute d : book.list(x -> !x.state().terminal() && x.deadline() <= now, null, 10_000)) {
            try {
                Gathered g = d.state() == DisputeState.OPEN || d.state() == DisputeState.EVIDENCE
                        ? gatherer.gather(d.request(), now) : null;
                Dispute next = writer.call(() -> {
                    Dispute cur = require(d.id());
                    if (cur.state().terminal() || cur.deadline() > now || cur.state() != d.state()) return null;
                    Dispute n = g != null ? transitions.resolve(cur, g, jurisdiction(cur), now, true)
                            : transitions.timeout(cur, jurisdiction(cur), now);
                    commit(cur, n, Dispute.SYSTEM, action(n));
                    return n;
                });
                if (next != null) {
                    effects(next);
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.warn("dispute {}: deadline not applied, retried on the next tick: {}", d.id(), e.toString());
            }
        }
        return moved;
    }

    /** The case for external arbitration (tier L3) as JSON: the dispute whole, evidence and votes included. */
    public byte[] arbitrationExport(String id) {
        Dispute d = require(id);
        if (d.tier() != dev.farthing.disputes.model.Tier.L3) {
            throw new DisputeException(DisputeError.WRONG_STATE, "dispute " + id + " is not with external arbitration (L3)");
        }
        return DisputeStore.bytes(new ArbitrationCase("farthing-dispute-arbitration/1", now(), d));
    }

    /** The export's shape: format, when (ledger ns), the dispute. */
    public record ArbitrationCase(String format, long exportedAt, Dispute dispute) {
    }

    /** Money and labels after a change is durable: provisional credit on escalation, refunds on decision. */
    private Dispute effects(Dispute d) {
        Money m = d.money();
        Jurisdiction j = jurisdiction(d);
        try {
            if (d.state() == DisputeState.ESCALATED && j.provisionalCredit() && m.provisionalHold() == null) {
                m = money.provisionalCredit(d);
            } else if (d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL) {
                m = money.settle(d);
            }
        } catch (RuntimeException e) {
            LOG.warn("dispute {}: money not moved, retried at the next step: {}", d.id(), e.toString());
            m = new Money(m.provisionalHold(), m.refunded(), m.feeCharged(), m.steps(), m.transfers(), "failed", e.getMessage());
        }
        Dispute result = d;
        if (!m.equals(d.money())) {
            Money moved = m;
            result = writer.call(() -> {
                Dispute cur = require(d.id());
                Dispute n = cur.withMoney(moved);
                commit(cur, n, Dispute.SYSTEM, "dispute.money");
                return n;
            });
        }
        if ((d.state() == DisputeState.DECIDED || (d.state() == DisputeState.FINAL && d.overturned()))
                && d.request().paymentId() != null && d.outcome() != null) {
            try {
                labels.label(d.request().paymentId(), d.outcome().refunds() && d.classification() == DisputeClass.FRAUD);
            } catch (RuntimeException e) {
                LOG.warn("dispute {}: risk label not stored: {}", d.id(), e.toString());
            }
        }
        return result;
    }

    private Dispute require(String id) {
        Dispute d = book.disputes.get(id);
        if (d == null) throw new DisputeException(DisputeError.NOT_FOUND, "no dispute " + id);
        return d;
    }

    private static String action(Dispute d) {
        return switch (d.state()) {
            case OPEN -> "dispute.opened";
            case EVIDENCE -> "dispute.evidence_requested";
            case ESCALATED -> "dispute.escalated";
            case DECIDED -> "dispute.decided";
            case APPEALED -> "dispute.appealed";
            case FINAL -> "dispute.final";
        };
    }

    private void commit(Dispute before, Dispute after, String actor, String action) {
        commit(before, after, actor, "system", action);
    }

    /** On the writer: journal, apply, audit. An event the audit sink refuses stops the change before it is journaled. */
    private void commit(Dispute before, Dispute after, String actor, String role, String action) {
        AuditEvent event = new AuditEvent(actor, actor.equals(Dispute.SYSTEM) ? "system" : role, action,
                "dispute:" + after.id(), before == null ? null : AuditJson.summary(before), AuditJson.summary(after));
        audit.append(event);
        store.append(after);
        book.put(after);
    }

    @Override
    public void close() {
        writer.close();
        store.close();
    }
}
