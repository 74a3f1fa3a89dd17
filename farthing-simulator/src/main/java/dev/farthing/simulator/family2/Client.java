package dev.farthing.simulator.family2;

/**
 * How much a client integration sends: a browser sends everything, with telemetry measured by
 * {@code performance.now()} (fractional milliseconds); a mobile app sends context but no telemetry; a
 * minimal server-side integration sends only {@code device_id} and {@code ip}.
 */
enum Client {
    BROWSER, APP, MINIMAL
}
