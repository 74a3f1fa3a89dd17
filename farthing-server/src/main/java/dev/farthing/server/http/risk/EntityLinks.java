package dev.farthing.server.http.risk;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.PaymentResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links the risk graph is made of (an account used a device, an IP address, an instrument; an account paid
 * another), kept per entity for the console's entity page: the last {@link #PAYMENTS_PER_ENTITY} payments each
 * account, device, address and instrument took part in. The risk engine's own graph is a union-find owned by its
 * decision thread, which keeps components, not edges; this read-side copy is fed by the payment route after each
 * decision (a payment's own entry shows the links of that one payment), on the HTTP threads, so nothing reads the engine's state across threads. Bounded: at most
 * {@link #MAX_ENTITIES} entities, the least recently seen forgotten first. In memory only: after a restart the
 * page shows links from payments decided since. Device, address and instrument ids are the pseudonyms the engine
 * sees, never the raw values.
 */
public final class EntityLinks {
    static final int MAX_ENTITIES = 20_000;
    static final int PAYMENTS_PER_ENTITY = 20;
    static final int MAX_NODES = 80;

    /** Entity kinds, as the route names them. */
    public enum Kind {
        ACCOUNT, DEVICE, ADDRESS, INSTRUMENT, PAYMENT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.wire().equals(s)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One decided payment as the entity page shows it; {@code reasons} are code/detail pairs. */
    public record Seen(String paymentId, String payer, String payee, long amount, String currency, String device,
                       String address, String instrument, String userAgent, String contentId, String decision,
                       List<DecisionReason> reasons, long decidedAt) {
    }

    public record Node(Kind kind, String id) {
    }

    /** {@code relation} is {@code paid} (account to account) or {@code used} (account to device/address/instrument). */
    public record Edge(Node from, Node to, String relation) {
    }

    public record Graph(List<Node> nodes, List<Edge> edges, List<Seen> payments) {
    }

    private final LinkedHashMap<Node, ArrayDeque<Seen>> byEntity = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, ArrayDeque<Seen>> eldest) {
            return size() > MAX_ENTITIES;
        }
    };

    /** Records a decided payment (the request as the engine saw it: signals already pseudonymised). */
    public void record(PaymentRequest p, PaymentResult r) {
        PaymentContext c = p.context();
        Seen seen = new Seen(p.id(), p.payer(), p.payee(), p.amount(), p.currency(), c.deviceId(), c.ip(),
                c.instrumentId(), c.userAgent(), c.contentId(), r.decision().wire(), r.reasons(), r.decidedAt());
        synchronized (this) {
            add(new Node(Kind.PAYMENT, p.id()), seen);
            add(new Node(Kind.ACCOUNT, p.payer()), seen);
            add(new Node(Kind.ACCOUNT, p.payee()), seen);
            add(new Node(Kind.DEVICE, c.deviceId()), seen);
            add(new Node(Kind.ADDRESS, c.ip()), seen);
            if (c.instrumentId() != null) {
                add(new Node(Kind.INSTRUMENT, c.instrumentId()), seen);
            }
        }
    }

    private void add(Node n, Seen s) {
        ArrayDeque<Seen> ring = byEntity.computeIfAbsent(n, k -> new ArrayDeque<>(4));
        if (ring.size() == PAYMENTS_PER_ENTITY) {
            ring.removeFirst();
        }
        ring.addLast(s);
        assert ring.size() <= PAYMENTS_PER_ENTITY;
    }

    /**
     * The entity's recent payments (newest first) and its neighbourhood: the accounts, devices, addresses and
     * instruments of those payments, and, through each shared device, address or instrument, the other accounts
     * that used it (the accounts the risk graph links). At most {@link #MAX_NODES} nodes; empty when unknown.
     */
    public synchronized Graph around(Node entity) {
        ArrayDeque<Seen> own = byEntity.get(entity);
        if (own == null) {
            return new Graph(List.of(), List.of(), List.of());
        }
        Set<Node> nodes = new LinkedHashSet<>();
        Set<Edge> edges = new LinkedHashSet<>();
        if (entity.kind() != Kind.PAYMENT) {
            nodes.add(entity); // a payment is drawn as the links it made, not as a node of its own
        }
        List<Seen> payments = new ArrayList<>(own).reversed();
        for (Seen s : payments) {
            addLinks(s, nodes, edges);
        }
        for (Node n : List.copyOf(nodes)) {
            if (n.kind() == Kind.ACCOUNT || n.kind() == Kind.PAYMENT || n.equals(entity)) {
                continue;
            }
            ArrayDeque<Seen> shared = byEntity.get(n);
            for (Seen s : shared == null ? List.<Seen>of() : shared) {
                if (nodes.size() >= MAX_NODES) {
                    break;
                }
                Node payer = new Node(Kind.ACCOUNT, s.payer());
                nodes.add(payer);
                edges.add(new Edge(payer, n, "used"));
            }
        }
        return new Graph(List.copyOf(nodes), List.copyOf(edges), List.copyOf(payments));
    }

    private static void addLinks(Seen s, Set<Node> nodes, Set<Edge> edges) {
        if (nodes.size() + 5 > MAX_NODES) {
            return;
        }
        Node payer = new Node(Kind.ACCOUNT, s.payer());
        Node payee = new Node(Kind.ACCOUNT, s.payee());
        nodes.add(payer);
        nodes.add(payee);
        edges.add(new Edge(payer, payee, "paid"));
        for (Node used : List.of(new Node(Kind.DEVICE, s.device()), new Node(Kind.ADDRESS, s.address()))) {
            nodes.add(used);
            edges.add(new Edge(payer, used, "used"));
        }
        if (s.instrument() != null) {
            Node instrument = new Node(Kind.INSTRUMENT, s.instrument());
            nodes.add(instrument);
            edges.add(new Edge(payer, instrument, "used"));
        }
    }

    synchronized int entities() {
        return byEntity.size();
    }
}
