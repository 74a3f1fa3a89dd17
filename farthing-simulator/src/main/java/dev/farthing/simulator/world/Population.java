package dev.farthing.simulator.world;

import dev.farthing.simulator.SimulationConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Builds the people: households that share a home address (and sometimes a tablet or a card), colleagues
 * behind one office address, new sign-ups during the window (some in a wave after a viral article), VPN
 * users, clients without telemetry and travellers.
 */
final class Population {
    private static final long DAY = 86_400_000_000_000L;
    private final SimulationConfig config;
    private final Variation v;
    private final RandomGenerator random;
    private final Ids ids;
    private final IpSpace ips;
    private final Devices devices;
    private final Catalog catalog;
    private final Map<String, List<String>> offices = new HashMap<>();
    private final long waveAt;
    private final Payee wavePublisher;

    Population(SimulationConfig config, Variation variation, RandomGenerator random, Ids ids, IpSpace ips, Devices devices, Catalog catalog) {
        this.config = config;
        this.v = variation;
        this.random = random;
        this.ids = ids;
        this.ips = ips;
        this.devices = devices;
        this.catalog = catalog;
        this.waveAt = config.startNanos() + (long) (random.nextDouble(0.1, 0.8) * config.duration().toNanos());
        this.wavePublisher = catalog.popular(Payee.Kind.PUBLISHER, random);
        for (Country c : Country.ALL) {
            int n = Math.max(2, (int) (config.users() * c.weight() / 100 / 40));
            List<String> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(ips.residential(c));
            }
            offices.put(c.code(), list);
        }
    }

    List<Human> build() {
        List<Human> humans = new ArrayList<>(config.users());
        while (humans.size() < config.users()) {
            household(humans);
        }
        return humans;
    }

    private void household(List<Human> out) {
        int size = random.nextDouble() < v.singleShare() ? 1 : 2 + random.nextInt(3);
        Country country = Country.pick(random);
        double[] home = country.somePlace(random);
        String homeIp = ips.residential(country);
        Device sharedTablet = size > 1 && random.nextDouble() < v.sharedTabletShare() ? devices.make(Device.Kind.TABLET, random) : null;
        String familyCard = size > 1 && random.nextDouble() < 0.25 ? ids.instrument() : null;
        for (int i = 0; i < size && out.size() < config.users(); i++) {
            out.add(person(country, home, homeIp, sharedTablet, familyCard));
        }
    }

    private Human person(Country country, double[] home, String homeIp, Device sharedTablet, String familyCard) {
        List<Device> own = new ArrayList<>();
        if (random.nextDouble() < 0.92) {
            own.add(devices.make(Device.Kind.PHONE, random));
        }
        if (own.isEmpty() || random.nextDouble() < 0.6) {
            own.add(devices.make(Device.Kind.DESKTOP, random));
        }
        if (sharedTablet != null) {
            own.add(sharedTablet);
        } else if (random.nextDouble() < 0.12) {
            own.add(devices.make(Device.Kind.TABLET, random));
        }
        boolean hasDesktop = own.stream().anyMatch(d -> d.kind() == Device.Kind.DESKTOP);
        List<String> officePool = offices.get(country.code());
        String office = hasDesktop && random.nextDouble() < v.officeShare() ? officePool.get(random.nextInt(officePool.size())) : null;
        boolean inWave = random.nextDouble() < 0.015 && config.users() >= 300;
        long created = createdAt(inWave);
        Human.Interests interests = new Human.Interests(random.nextDouble(0.2, 1.0), random.nextDouble(0.0, 1.0),
                random.nextDouble() < 0.25 ? random.nextDouble(0.5, 1.5) : random.nextDouble(0.0, 0.2),
                random.nextDouble(0.02, 0.15));
        double sessions = Math.min(12, Math.exp(random.nextGaussian() * 0.7 + Math.log(v.sessionsMedian())));
        return new Human(ids.account(), country, home[0] + random.nextGaussian() * 0.05, home[1] + random.nextGaussian() * 0.05,
                created, homeIp, office, List.copyOf(own), familyCard != null ? familyCard : ids.instrument(), interests,
                sessions, (int) (random.nextGaussian() * 75), favourites(inWave), random.nextDouble() < v.vpnShare(),
                random.nextDouble() < v.telemetryOffShare(), random.nextDouble() < v.travellerShare() ? trip(country) : null);
    }

    private long createdAt(boolean inWave) {
        long start = config.startNanos();
        if (inWave) {
            return waveAt + (long) (random.nextDouble() * 3_600_000_000_000L);
        }
        if (random.nextDouble() < v.newUserShare()) {
            return start + (long) (random.nextDouble() * config.duration().toNanos());
        }
        double days = Math.exp(random.nextDouble(Math.log(20), Math.log(1500)));
        return start - (long) (days * DAY);
    }

    private Human.Favourites favourites(boolean inWave) {
        List<Payee> pubs = new ArrayList<>();
        if (inWave) {
            pubs.add(wavePublisher);
        }
        int n = 2 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            pubs.add(catalog.popular(Payee.Kind.PUBLISHER, random));
        }
        List<Payee> chans = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            chans.add(catalog.popular(Payee.Kind.CHANNEL, random));
        }
        List<Payee> creators = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            creators.add(catalog.popular(Payee.Kind.CREATOR, random));
        }
        return new Human.Favourites(List.copyOf(pubs), List.copyOf(chans), List.copyOf(creators),
                catalog.popular(Payee.Kind.GAME, random));
    }

    private Human.Trip trip(Country home) {
        Country to = home.other(random);
        double[] place = to.somePlace(random);
        double km = Country.distanceKm(home.lat(), home.lon(), place[0], place[1]);
        long depart = config.startNanos() + (long) (random.nextDouble(0.05, 0.6) * config.duration().toNanos());
        long flight = (long) ((km / 850.0 + 2.0) * 3_600_000_000_000L);
        return new Human.Trip(depart, depart + flight, to, place[0], place[1]);
    }
}
