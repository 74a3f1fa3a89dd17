package dev.farthing.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everyone who can be paid, with popularity: a few big publishers, channels, creators and games take most
 * of the traffic and a long tail of small ones gets little (which is where view bots hide).
 */
public final class Catalog {
    private final List<Payee> publishers = new ArrayList<>();
    private final List<Payee> channels = new ArrayList<>();
    private final List<Payee> creators = new ArrayList<>();
    private final List<Payee> games = new ArrayList<>();

    public Catalog(RandomGenerator random, Ids ids, Pricing pricing, int users, double priceScale) {
        for (int i = 0; i < Math.max(12, users / 40); i++) {
            double price = pick(random, 0.002, 0.003, 0.005, 0.01, 0.01, 0.02, 0.03, 0.05);
            publishers.add(new Payee(ids.payee("pub"), Payee.Kind.PUBLISHER, pricing.units(price * priceScale),
                    20 + random.nextInt(300), random.nextDouble() < 0.2));
        }
        for (int i = 0; i < Math.max(8, users / 60); i++) {
            double price = pick(random, 0.001, 0.002, 0.003, 0.005, 0.01);
            channels.add(new Payee(ids.payee("chan"), Payee.Kind.CHANNEL, pricing.units(price * priceScale), 10 + random.nextInt(120), false));
        }
        for (int i = 0; i < Math.max(10, users / 25); i++) {
            creators.add(new Payee(ids.payee("creator"), Payee.Kind.CREATOR, pricing.units(pick(random, 0.5, 1.0, 2.0) * priceScale), 1 + random.nextInt(40), false));
        }
        for (int i = 0; i < Math.max(4, users / 300); i++) {
            double price = pick(random, 0.1, 0.25, 0.5, 0.99);
            games.add(new Payee(ids.payee("game"), Payee.Kind.GAME, pricing.units(price * priceScale), 10 + random.nextInt(60), false));
        }
    }

    private static double pick(RandomGenerator random, double... values) {
        return values[random.nextInt(values.length)];
    }

    /** A payee of {@code kind}, the popular ones far more often (rank^-1.1 like). */
    public Payee popular(Payee.Kind kind, RandomGenerator random) {
        List<Payee> list = list(kind);
        int k = (int) Math.floor(Math.pow(random.nextDouble(), 3.0) * list.size());
        return list.get(Math.min(k, list.size() - 1));
    }

    /** A payee from the long tail: little legitimate income of its own. */
    public Payee obscure(Payee.Kind kind, RandomGenerator random) {
        List<Payee> list = list(kind);
        int from = list.size() / 2;
        return list.get(from + random.nextInt(list.size() - from));
    }

    public Payee cheapest(Payee.Kind kind) {
        return list(kind).stream().min((a, b) -> Long.compare(a.price(), b.price())).orElseThrow();
    }

    public List<Payee> list(Payee.Kind kind) {
        return switch (kind) {
            case PUBLISHER -> publishers;
            case CHANNEL -> channels;
            case CREATOR -> creators;
            case GAME -> games;
        };
    }

    /** Every payee, for opening their accounts on a server. */
    public List<Payee> all() {
        List<Payee> all = new ArrayList<>(publishers);
        all.addAll(channels);
        all.addAll(creators);
        all.addAll(games);
        return all;
    }
}
