package dev.farthing.risk.graph;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AccountGraphTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_000_000 * S;
    private final GraphLimits limits = GraphLimits.defaults();
    private final AccountGraph graph = new AccountGraph(limits);
    private final GraphMeasures m = new GraphMeasures();

    private int size(String payer, String device, String ip, String instrument) {
        graph.measure(payer, "anyone", device, ip, instrument, T0, m);
        return m.componentSize;
    }

    @Test
    void sharedDevicesAndInstrumentsMergeComponents() {
        graph.recordAttempt("a", "shop", "d1", "ip-a", null);
        graph.recordAttempt("b", "shop", "d1", "ip-b", null);
        graph.recordAttempt("c", "shop", "d2", "ip-c", "card-9");
        assertThat(size("a", null, null, null)).isEqualTo(2);
        assertThat(size("c", null, null, null)).isEqualTo(1);
        graph.recordAttempt("d", "shop", "d3", "ip-d", "card-9");
        assertThat(size("c", null, null, null)).isEqualTo(2);
        graph.recordAttempt("d", "shop", "d1", "ip-d", null); // d bridges the two components
        assertThat(size("a", null, null, null)).isEqualTo(4);
        assertThat(size("c", null, null, null)).isEqualTo(4);
        assertThat(size("shop", null, null, null)).isEqualTo(1);
    }

    @Test
    void aNewAccountOnASharedDeviceCountsTheComponentItWouldJoin() {
        for (int i = 0; i < 5; i++) {
            graph.recordAttempt("farm-" + i, "creator", "farm-phone", "ip-" + i, null);
        }
        assertThat(size("farm-new", "farm-phone", "ip-new", null)).isEqualTo(6);
        assertThat(size("stranger", "own-phone", "ip-x", null)).isEqualTo(1);
    }

    @Test
    void busyIpsStopLinkingAtTheirCap() {
        int cap = limits.ipLinkCap();
        for (int i = 0; i < cap + 5; i++) {
            graph.recordAttempt("user-" + i, "shop", "dev-" + i, "100.64.0.1", null);
        }
        assertThat(size("user-0", null, null, null)).isEqualTo(cap);
        assertThat(size("user-" + (cap + 2), null, null, null)).isEqualTo(1);
        graph.measure("late", "shop", "dev-late", "100.64.0.1", null, T0, m);
        assertThat(m.componentSize).isEqualTo(1);
        assertThat(m.ipCapped).isEqualTo(1);
    }

    @Test
    void findsShortCyclesOfMovedMoney() {
        graph.recordMoved("a", "b", 100, T0);
        graph.recordMoved("b", "c", 100, T0 + S);
        graph.measure("c", "a", "d", "ip", null, T0 + 2 * S, m);
        assertThat(m.cycleHops).isEqualTo(3);
        graph.measure("b", "a", "d", "ip", null, T0 + 2 * S, m);
        assertThat(m.cycleHops).isEqualTo(2);
        graph.recordMoved("c", "d", 100, T0 + 2 * S);
        graph.measure("d", "a", "d", "ip", null, T0 + 3 * S, m);
        assertThat(m.cycleHops).isEqualTo(4);
        graph.recordMoved("d", "e", 100, T0 + 3 * S);
        graph.measure("e", "a", "d", "ip", null, T0 + 4 * S, m);
        assertThat(m.cycleHops).as("a 5-hop cycle is beyond maxCycleHops=4").isZero();
    }

    @Test
    void noFalseCycles() {
        graph.recordMoved("a", "b", 100, T0);
        graph.recordMoved("b", "c", 100, T0);
        graph.recordMoved("x", "a", 100, T0);
        graph.measure("a", "c", "d", "ip", null, T0 + S, m);
        assertThat(m.cycleHops).as("a→c follows the flow, closes nothing").isZero();
        graph.recordAttempt("c", "a", "d", "ip", null); // an attempt that moved no money is no edge
        graph.measure("a", "b", "d", "ip", null, T0 + S, m);
        assertThat(m.cycleHops).isZero();
        graph.measure("c", "a", "d", "ip", null, T0 + limits.cycleWindowNanos() + S, m);
        assertThat(m.cycleHops).as("edges older than the window are ignored").isZero();
    }

    @Test
    void componentShareOfAPayeesIncome() {
        for (int i = 0; i < 3; i++) {
            graph.recordAttempt("bot-" + i, "streamer", "bot-box", "ip-" + i, null);
            graph.recordMoved("bot-" + i, "streamer", 50, T0 + i * S);
        }
        graph.recordAttempt("fan", "streamer", "fan-phone", "ip-fan", null);
        graph.recordMoved("fan", "streamer", 150, T0 + 5 * S);
        graph.measure("bot-0", "streamer", "bot-box", "ip-0", null, T0 + 10 * S, m);
        assertThat(m.componentIncomeShare).isCloseTo(0.5, within(1e-12));
        assertThat(m.componentIncomePayments).isEqualTo(3);
        graph.measure("fan", "streamer", "fan-phone", "ip-fan", null, T0 + 10 * S, m);
        assertThat(m.componentIncomeShare).isCloseTo(0.5, within(1e-12));
        assertThat(m.componentIncomePayments).isEqualTo(1);
        graph.measure("fan", "streamer", "fan-phone", "ip-fan", null, T0 + 2 * limits.incomeWindowNanos(), m);
        assertThat(m.componentIncomeShare).as("no income in the window").isNaN();
    }

    @Test
    void staysBoundedByStartingAfreshWhenFull() {
        GraphLimits small = new GraphLimits(100, 50, 4, 2, 4, 4, 4, 4, limits.cycleWindowNanos(), limits.incomeWindowNanos());
        AccountGraph bounded = new AccountGraph(small);
        for (int i = 0; i < 10_000; i++) {
            bounded.recordAttempt("p" + i, "q" + i, "d" + i, "ip" + (i % 7), "c" + i);
            bounded.recordMoved("p" + i, "q" + i, 1, T0 + i);
            assertThat(bounded.accounts()).isLessThanOrEqualTo(100);
        }
        assertThat(bounded.resets()).isGreaterThan(90);
    }

    @Test
    void snapshotRoundTripKeepsEveryMeasure() throws IOException {
        sharedDevicesAndInstrumentsMergeComponents();
        graph.recordMoved("a", "b", 10, T0);
        graph.recordMoved("b", "a", 20, T0 + S);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        graph.writeTo(new DataOutputStream(bytes));
        AccountGraph copy = AccountGraph.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), limits);
        GraphMeasures other = new GraphMeasures();
        for (String payer : new String[] {"a", "b", "c", "d", "new"}) {
            graph.measure(payer, "a", "d1", "ip-x", "card-9", T0 + 2 * S, m);
            copy.measure(payer, "a", "d1", "ip-x", "card-9", T0 + 2 * S, other);
            assertThat(other).usingRecursiveComparison().isEqualTo(m);
        }
    }
}
