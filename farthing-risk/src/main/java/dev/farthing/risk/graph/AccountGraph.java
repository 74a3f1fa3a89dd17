package dev.farthing.risk.graph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts linked through shared devices, IPs and instruments (an incremental union-find), and the recent
 * payments that moved money between them (cycles, a payee's income by component). Bounded: at most
 * {@link GraphLimits#maxAccounts()} accounts; when that fills up the graph starts afresh (union-find cannot
 * forget one account), which {@link #resets()} counts. Single-writer; {@link #measure} changes nothing.
 */
public final class AccountGraph {
    private final GraphLimits limits;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private UnionFind uf = new UnionFind();
    private SharedTokens devices;
    private SharedTokens ips;
    private SharedTokens instruments;
    private PaymentRing[] outEdges = new PaymentRing[1024];
    private PaymentRing[] income = new PaymentRing[1024];
    private final int[] roots = new int[4];
    private long resets;

    public AccountGraph(GraphLimits limits) {
        this.limits = limits;
        freshTokens();
    }

    private void freshTokens() {
        devices = new SharedTokens(limits.maxTokensPerKind(), limits.deviceLinkCap());
        ips = new SharedTokens(limits.maxTokensPerKind(), limits.ipLinkCap());
        instruments = new SharedTokens(limits.maxTokensPerKind(), limits.instrumentLinkCap());
    }

    public GraphLimits limits() {
        return limits;
    }

    /** Accounts tracked now. */
    public int accounts() {
        return ids.size();
    }

    /** How many times the graph filled up and started afresh. */
    public long resets() {
        return resets;
    }

    /** Records an attempt: the payer used these identifiers (any may be null). */
    public void recordAttempt(String payer, String payee, String device, String ip, String instrument) {
        record(payer, payee, device, ip, instrument, 0, 0, false);
    }

    /** Records that {@code amount} moved from payer to payee at {@code atNanos}. */
    public void recordMoved(String payer, String payee, long amount, long atNanos) {
        if (ids.size() + 2 > limits.maxAccounts()) {
            reset();
        }
        moved(idOrAdd(payer), idOrAdd(payee), amount, atNanos);
    }

    /** {@link #recordAttempt} and, when {@code moved}, {@link #recordMoved} in one pass. */
    public void record(String payer, String payee, String device, String ip, String instrument, long amount,
                       long atNanos, boolean moved) {
        if (ids.size() + 2 > limits.maxAccounts()) {
            reset();
        }
        int payerId = idOrAdd(payer);
        int payeeId = idOrAdd(payee);
        devices.link(device, payerId, uf);
        ips.link(ip, payerId, uf);
        instruments.link(instrument, payerId, uf);
        uf.compress(payerId); // keeps the roots that measure() walks for this payer's income entries short
        if (moved) {
            moved(payerId, payeeId, amount, atNanos);
        }
    }

    private void moved(int payerId, int payeeId, long amount, long atNanos) {
        ring(outEdges, payerId, limits.outEdgesPerAccount()).add(payeeId, amount, atNanos);
        ring(income, payeeId, limits.incomePerPayee()).add(payerId, amount, atNanos);
    }

    /** Graph features of a prospective payment, into {@code out}; changes nothing. */
    public void measure(String payer, String payee, String device, String ip, String instrument, long atNanos,
                        GraphMeasures out) {
        out.clear();
        int payerId = id(payer);
        int payeeId = id(payee);
        int n = 0;
        if (payerId >= 0) {
            n = addRoot(n, uf.root(payerId));
        }
        n = addRoot(n, devices.prospectiveRoot(device, payerId, uf));
        int ipRoot = ips.prospectiveRoot(ip, payerId, uf);
        n = addRoot(n, ipRoot);
        n = addRoot(n, instruments.prospectiveRoot(instrument, payerId, uf));
        int size = payerId >= 0 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            size += uf.componentSize(roots[i]);
        }
        out.componentSize = size;
        out.ipCapped = ipRoot == SharedTokens.CAPPED ? 1 : 0;
        incomeShare(payeeId, n, atNanos - limits.incomeWindowNanos(), out);
        out.cycleHops = CycleSearch.shortestCycle(outEdges, payerId, payeeId,
                atNanos - limits.cycleWindowNanos(), limits.maxCycleHops());
    }

    private int addRoot(int n, int root) {
        if (root < 0) {
            return n;
        }
        for (int i = 0; i < n; i++) {
            if (roots[i] == root) {
                return n;
            }
        }
        roots[n] = root;
        return n + 1;
    }

    private void incomeShare(int payeeId, int nRoots, long since, GraphMeasures out) {
        PaymentRing ring = payeeId >= 0 && payeeId < income.length ? income[payeeId] : null;
        if (ring == null) {
            return;
        }
        long total = 0;
        long fromComponent = 0;
        int payments = 0;
        for (int i = 0; i < ring.size(); i++) {
            if (ring.atNanos(i) < since) {
                continue;
            }
            total += ring.amount(i);
            int root = uf.root(ring.counterparty(i));
            for (int r = 0; r < nRoots; r++) {
                if (roots[r] == root) {
                    fromComponent += ring.amount(i);
                    payments++;
                    break;
                }
            }
        }
        out.componentIncomePayments = payments;
        out.componentIncomeShare = total > 0 ? (double) fromComponent / total : Double.NaN;
    }

    private int id(String account) {
        Integer id = ids.get(account);
        return id == null ? -1 : id;
    }

    private int idOrAdd(String account) {
        Integer id = ids.get(account);
        if (id != null) {
            return id;
        }
        int added = uf.add();
        ids.put(account, added);
        names.add(account);
        if (added == outEdges.length) {
            outEdges = Arrays.copyOf(outEdges, added * 2);
            income = Arrays.copyOf(income, added * 2);
        }
        return added;
    }

    private static PaymentRing ring(PaymentRing[] rings, int id, int capacity) {
        PaymentRing ring = rings[id];
        if (ring == null) {
            ring = new PaymentRing(capacity);
            rings[id] = ring;
        }
        return ring;
    }

    private void reset() {
        ids.clear();
        names.clear();
        uf = new UnionFind();
        freshTokens();
        Arrays.fill(outEdges, null);
        Arrays.fill(income, null);
        resets++;
    }

    /** Writes the whole graph; {@link #readFrom} rebuilds an identical one. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(resets);
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
        uf.writeTo(out);
        devices.writeTo(out);
        ips.writeTo(out);
        instruments.writeTo(out);
        writeRings(out, outEdges);
        writeRings(out, income);
    }

    public static AccountGraph readFrom(DataInput in, GraphLimits limits) throws IOException {
        AccountGraph graph = new AccountGraph(limits);
        graph.resets = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > limits.maxAccounts()) {
            throw new IOException("graph account count out of range: " + n);
        }
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            if (graph.idOrAdd(name) != i) {
                throw new IOException("duplicate graph account: " + name);
            }
        }
        UnionFind restored = UnionFind.readFrom(in, n);
        if (restored.count() != n) {
            throw new IOException("union-find size " + restored.count() + " != accounts " + n);
        }
        graph.uf = restored;
        graph.devices.readFrom(in, n);
        graph.ips.readFrom(in, n);
        graph.instruments.readFrom(in, n);
        readRings(in, graph.outEdges, limits.outEdgesPerAccount(), n);
        readRings(in, graph.income, limits.incomePerPayee(), n);
        return graph;
    }

    private void writeRings(DataOutput out, PaymentRing[] rings) throws IOException {
        int present = 0;
        for (int i = 0; i < names.size(); i++) {
            present += rings[i] == null ? 0 : 1;
        }
        out.writeInt(present);
        for (int i = 0; i < names.size(); i++) {
            if (rings[i] != null) {
                out.writeInt(i);
                rings[i].writeTo(out);
            }
        }
    }

    private static void readRings(DataInput in, PaymentRing[] rings, int capacity, int accounts) throws IOException {
        int present = in.readInt();
        if (present < 0 || present > accounts) {
            throw new IOException("ring count out of range: " + present);
        }
        for (int r = 0; r < present; r++) {
            int id = in.readInt();
            if (id < 0 || id >= accounts) {
                throw new IOException("ring owner out of range: " + id);
            }
            rings[id] = PaymentRing.readFrom(in, capacity, accounts);
        }
    }
}
