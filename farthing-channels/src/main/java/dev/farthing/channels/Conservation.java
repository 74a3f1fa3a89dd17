package dev.farthing.channels;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Per currency: the escrow account's ledger balance and the sum of what the channels say they hold.
 * They must be equal; {@link #balanced()} false means money was created or lost.
 */
public record Conservation(Map<String, long[]> byCurrency) {

    static Conservation of(Collection<Channel> channels, ToLongFunction<String> escrowBalance, List<String> currencies) {
        Map<String, long[]> out = new TreeMap<>();
        for (String cur : currencies) {
            out.put(cur, new long[] {escrowBalance.applyAsLong(cur), 0});
        }
        for (Channel c : channels) {
            long[] row = out.computeIfAbsent(c.terms().currency(), k -> new long[2]);
            row[1] = Math.addExact(row[1], c.locked());
        }
        return new Conservation(out);
    }

    public boolean balanced() {
        return byCurrency.values().stream().allMatch(r -> r[0] == r[1]);
    }

    public long escrow(String currency) {
        return byCurrency.getOrDefault(currency, new long[2])[0];
    }

    public long locked(String currency) {
        return byCurrency.getOrDefault(currency, new long[2])[1];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Conservation[");
        byCurrency.forEach((k, v) -> b.append(k).append(": escrow=").append(v[0]).append(" locked=").append(v[1]).append(' '));
        return b.append(']').toString();
    }
}
