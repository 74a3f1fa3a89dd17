package dev.farthing.simulator.attack;

import dev.farthing.simulator.world.Country;
import dev.farthing.simulator.world.Device;

/** One attacker-held account as it appears on the wire: its device, address, card and claimed country. */
record Actor(String account, long createdAtNanos, Device device, String ip, String instrument, Country country) {

    Actor withIp(String newIp, Country newCountry) {
        return new Actor(account, createdAtNanos, device, newIp, instrument, newCountry);
    }

    Actor withInstrument(String newInstrument) {
        return new Actor(account, createdAtNanos, device, ip, newInstrument, country);
    }
}
