package dev.farthing.compliance.monitoring;

/**
 * Where the monitor hands each alert once it is durable on the monitor's log (the case book). It may be called
 * again with an alert it has seen, after a restart: it must treat the alert id as the identity.
 */
@FunctionalInterface
public interface AlertSink {
    void accept(Alert alert);
}
