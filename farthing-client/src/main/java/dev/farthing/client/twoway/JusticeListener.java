package dev.farthing.client.twoway;

/**
 * Receives justice material for each state the counterparty revokes, e.g. to seal it into a blob and upload it
 * to a watchtower. Called on the channel's thread after the secret is verified; must not block for long.
 */
@FunctionalInterface
public interface JusticeListener {
    JusticeListener NONE = material -> { };

    void onRevoked(JusticeMaterial material);
}
