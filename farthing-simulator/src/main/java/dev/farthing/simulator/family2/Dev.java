package dev.farthing.simulator.family2;

import java.util.random.RandomGenerator;

/** A device as family B's clients present it: an id, touch or not, its integration level and user agent. */
record Dev(String id, boolean touch, Client client, String userAgent) {
    private static final String[] BROWSERS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 Version/17.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/129.0 Safari/537.36"};
    private static final String[] APPS = {"Tiply/2.8.1 (iOS 17.6; iPhone14,5)", "Tiply/2.8.0 (Android 14; Pixel 8)",
            "okhttp/4.12.0", "Tiply/2.7.9 (iPadOS 17.5)"};

    static Dev make(RandomGenerator r, Knobs knobs, boolean touch) {
        Client client = knobs.client(r);
        String ua = client == Client.APP ? APPS[r.nextInt(APPS.length)] : BROWSERS[(touch ? 0 : 2) + r.nextInt(2)];
        return new Dev(Ids.device(r), touch, client, ua);
    }
}
