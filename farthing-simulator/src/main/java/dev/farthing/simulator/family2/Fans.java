package dev.farthing.simulator.family2;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds family B's population: households that share a tablet (and sometimes a card), homes on IPv4, IPv6
 * or behind an integration that reports LAN addresses, colleagues behind one office address, and a share of
 * first-time users whose accounts are created during the window.
 */
final class Fans {
    private Fans() {
    }

    static List<Fan> build(RandomGenerator r, Knobs k, Net net, Shop shop, int users, long windowStart, long windowEnd) {
        List<Fan> fans = new ArrayList<>(users);
        List<String> offices = new ArrayList<>();
        for (int i = 0; i < Math.max(1, users * k.officeShare() / k.officeSize()); i++) {
            offices.add(net.publicV4());
        }
        Fan household = null;
        for (int i = 0; i < users; i++) {
            boolean sameHome = household != null && r.nextDouble() < k.sharedTabletShare();
            Region region = sameHome ? household.region() : Region.pick(r);
            double[] home = sameHome ? new double[]{household.lat(), household.lon()} : region.near(r, 0.4);
            long created = r.nextDouble() < k.newUserShare()
                    ? windowStart + (long) (r.nextDouble() * (windowEnd - windowStart))
                    : windowStart - (long) (Math.exp(r.nextDouble(Math.log(1), Math.log(900))) * Span.DAY);
            List<Dev> devices = new ArrayList<>();
            devices.add(Dev.make(r, k, r.nextDouble() < 0.85));
            if (r.nextDouble() < 0.45) {
                devices.add(Dev.make(r, k, false));
            }
            if (sameHome) {
                devices.add(household.devices().getLast());
            }
            String card = sameHome && r.nextDouble() < 0.3 ? household.card() : Ids.card(r);
            String homeIp;
            String prefix = null;
            if (sameHome) {
                homeIp = household.homeIp();
                prefix = household.ipv6Prefix();
            } else if (r.nextDouble() < k.ipv6Share()) {
                homeIp = null;
                prefix = net.ipv6Prefix();
            } else {
                homeIp = r.nextDouble() < k.lanIpShare() ? net.lan() : net.publicV4();
            }
            String office = r.nextDouble() < k.officeShare() ? offices.get(r.nextInt(offices.size())) : null;
            double rate = k.sessionsPerDayMedian() * Math.exp(r.nextGaussian() * 0.9);
            List<Shop.Creator> follows = new ArrayList<>();
            for (int f = 0, n = 2 + r.nextInt(7); f < n; f++) {
                follows.add(shop.popular(r, Long.MAX_VALUE));
            }
            Fan fan = new Fan(Ids.account(r), region, home[0], home[1], created, List.copyOf(devices), card, homeIp,
                    prefix, office, Math.min(rate, 40), (int) (r.nextGaussian() * 90), follows,
                    k.tipRate() * r.nextDouble(0.2, 2), k.bingeShare() * r.nextDouble(0.2, 2), r.nextDouble(0.05, 0.5));
            fans.add(fan);
            household = sameHome ? null : fan;
        }
        return fans;
    }
}
