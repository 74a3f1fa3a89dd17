package dev.farthing.simulator.traffic;

import dev.farthing.simulator.world.Country;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Human;
import dev.farthing.simulator.world.World;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A person's payments over the window: sessions drawn from their daily rhythm in their own time zone, on the
 * device and network that fit the moment (office desktop on weekdays, phone on the carrier's shared NAT,
 * home Wi-Fi in the evening, a VPN now and then, roaming abroad after a flight).
 */
public final class HumanTraffic {
    private static final long MINUTE = 60 * Activities.SECOND;
    private static final long DAY = 1440 * MINUTE;
    private final World world;
    private final Emitter out;

    public HumanTraffic(World world, Emitter out) {
        this.world = world;
        this.out = out;
    }

    /** Generates everything {@code human} does in the window, with their own random stream. */
    public void generate(Human human, RandomGenerator random) {
        Activities activities = new Activities(out, world.catalog(), world.pricing(), random);
        long firstDay = Math.floorDiv(world.config().warmupStartNanos(), DAY) - 1;
        long lastDay = Math.floorDiv(world.end(), DAY) + 1;
        for (long day = firstDay; day <= lastDay; day++) {
            long dayStart = day * DAY - human.country().utcOffsetMinutes() * MINUTE;
            boolean weekend = Math.floorMod(day + 3, 7) >= 5;
            int sessions = DailyRhythm.poisson(random, human.sessionsPerDay() * (weekend ? 1.25 : 1.0));
            for (int i = 0; i < sessions; i++) {
                int local = DailyRhythm.localMinute(random, human.chronoShiftMinutes());
                long at = dayStart + local * MINUTE + random.nextLong(MINUTE);
                if (at >= human.createdAtNanos() && !human.inFlightAt(at) && out.inWindow(at)) {
                    session(human, at, local, weekend, activities, random);
                }
            }
        }
        if (human.createdAtNanos() >= world.start()) {
            long first = human.createdAtNanos() + (long) (random.nextDouble(0.5, 10) * MINUTE);
            Session s = open(human, first, 20 * 60, true, random);
            activities.reading(s, first);
        }
    }

    private void session(Human human, long at, int localMinute, boolean weekend, Activities a, RandomGenerator random) {
        Session s = open(human, at, localMinute, weekend, random);
        Human.Interests in = human.interests();
        double x = random.nextDouble(in.total());
        long end = x < in.read() ? a.reading(s, at) : x < in.read() + in.video() ? a.video(s, at) : a.game(s, at);
        if (random.nextDouble() < in.tip() * 2) {
            a.tip(s, end);
        }
    }

    private Session open(Human human, long at, int localMinute, boolean weekend, RandomGenerator random) {
        String id = world.ids().session();
        if (human.abroadAt(at)) {
            Human.Trip trip = human.trip();
            Device d = random.nextDouble() < 0.8 ? human.phone() : human.devices().getLast();
            boolean roaming = d.kind() == Device.Kind.PHONE && random.nextDouble() < 0.5;
            String ip = roaming ? world.ips().carrier(human.country()) : world.ips().residential(trip.destination());
            Country ipCountry = roaming ? human.country() : trip.destination();
            return new Session(human, d, ip, ipCountry.code(), gps(d, trip.lat(), trip.lon(), random), id);
        }
        if (human.vpnUser() && random.nextDouble() < 0.4) {
            Device d = human.devices().get(random.nextInt(human.devices().size()));
            Country exit = Country.pick(random);
            return new Session(human, d, world.ips().vpnExit(), exit.code(), gps(d, human.homeLat(), human.homeLon(), random), id);
        }
        boolean workHours = !weekend && localMinute >= 9 * 60 && localMinute < 17 * 60;
        if (workHours && human.officeIp() != null && random.nextDouble() < 0.7) {
            Device desk = human.devices().stream().filter(d -> d.kind() == Device.Kind.DESKTOP).findFirst().orElseThrow();
            return new Session(human, desk, human.officeIp(), human.country().code(), null, id);
        }
        Device d = device(human.devices(), random);
        boolean atHome = localMinute >= 19 * 60 || localMinute < 8 * 60 || weekend;
        String ip = d.kind() == Device.Kind.PHONE && !(atHome && random.nextDouble() < 0.7)
                ? world.ips().carrier(human.country()) : human.homeIp();
        return new Session(human, d, ip, human.country().code(), gps(d, human.homeLat(), human.homeLon(), random), id);
    }

    private static Device device(List<Device> devices, RandomGenerator random) {
        if (devices.getFirst().kind() == Device.Kind.PHONE && random.nextDouble() < 0.6) {
            return devices.getFirst();
        }
        return devices.get(random.nextInt(devices.size()));
    }

    /** Phones report GPS most of the time; desktops rarely report a (coarse) position. */
    private static double[] gps(Device d, double lat, double lon, RandomGenerator random) {
        double p = d.kind() == Device.Kind.DESKTOP ? 0.15 : 0.65;
        if (random.nextDouble() >= p) {
            return null;
        }
        double jitter = d.kind() == Device.Kind.DESKTOP ? 0.3 : 0.03;
        return new double[]{lat + random.nextGaussian() * jitter, lon + random.nextGaussian() * jitter};
    }
}
