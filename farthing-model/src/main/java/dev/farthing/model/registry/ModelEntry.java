package dev.farthing.model.registry;

import java.time.Instant;

/** One registered model version as {@code farthing model list} shows it. */
public record ModelEntry(String version, Instant createdAt, int featureCount, boolean anomalyModel,
                         boolean active, boolean shadow) {
}
