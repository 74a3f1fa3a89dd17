package dev.farthing.watchtower.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code GET /health} answers: the tower's state as JSON. */
@FunctionalInterface
public interface HealthReport {
    ObjectNode report();
}
