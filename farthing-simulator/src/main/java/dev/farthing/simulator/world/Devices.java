package dev.farthing.simulator.world;

import java.util.random.RandomGenerator;

/** Makes devices with plausible user agents. */
public final class Devices {
    private static final String[] PHONE_AGENTS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
            "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
            "FarthingReader/4.2 (Android 13)", "FarthingReader/4.3 (iOS 18.0)"};
    private static final String[] DESKTOP_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"};
    private final Ids ids;

    public Devices(Ids ids) {
        this.ids = ids;
    }

    public Device make(Device.Kind kind, RandomGenerator random) {
        String[] agents = kind == Device.Kind.DESKTOP ? DESKTOP_AGENTS : PHONE_AGENTS;
        return new Device(ids.device(), kind, agents[random.nextInt(agents.length)]);
    }

    /** A headless browser or emulator: the user agent may claim anything; attackers often copy a common one. */
    public Device scripted(Device.Kind kind, RandomGenerator random, boolean disguised) {
        if (disguised) {
            return make(kind, random);
        }
        String agent = kind == Device.Kind.DESKTOP
                ? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36"
                : "Mozilla/5.0 (Linux; Android 11; sdk_gphone_x86) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
        return new Device(ids.device(), kind, agent);
    }
}
