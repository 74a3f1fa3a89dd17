package dev.farthing.simulator.traffic;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Human;

import java.util.random.RandomGenerator;

/** One sitting of one person on one device and network; every payment in it shares this context. */
record Session(Human human, Device device, String ip, String country, double[] geo, String id) {

    ContextBuilder context(RandomGenerator random, boolean typed) {
        PaymentContext.Telemetry telemetry = human.telemetryOff() ? null : TelemetryStyle.human(device, typed, random);
        double[] where = geo == null ? null : new double[]{geo[0] + random.nextGaussian() * 0.002, geo[1] + random.nextGaussian() * 0.002};
        return new ContextBuilder(device, ip, country).geo(where).session(id).instrument(human.instrument())
                .created(human.createdAtNanos()).telemetry(telemetry);
    }
}
