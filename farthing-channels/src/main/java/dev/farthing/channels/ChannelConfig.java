package dev.farthing.channels;

import java.nio.file.Path;

/**
 * How the channel service runs. {@code arbiterKey} is the platform arbiter's raw Ed25519 public key (null: only
 * payer + payee can arbitrate). {@code tickMs} 0 starts no ticker thread (tests call {@link ChannelService#tick()}).
 * Dispute rate limits: tokens per second and burst, per channel and per submitter.
 */
public record ChannelConfig(Path dir, boolean fsync, long defaultSettleDelayS, long defaultDisputeWindowS,
                            byte[] arbiterKey, long tickMs, double disputesPerSecond, double disputeBurst,
                            long compactLogBytes) {
    public static final long DEFAULT_SETTLE_DELAY_S = 86_400;
    public static final long DEFAULT_DISPUTE_WINDOW_S = 86_400;
    public static final long MAX_DELAY_S = 366L * 86_400;

    public ChannelConfig {
        if (dir == null) {
            throw new IllegalArgumentException("dir is required");
        }
        if (arbiterKey != null && arbiterKey.length != 32) {
            throw new IllegalArgumentException("arbiter key must be 32 raw bytes");
        }
    }

    public static ChannelConfig defaults(Path dir) {
        return new ChannelConfig(dir, true, DEFAULT_SETTLE_DELAY_S, DEFAULT_DISPUTE_WINDOW_S, null, 200, 20, 40,
                64L << 20);
    }

    public ChannelConfig withFsync(boolean on) {
        return new ChannelConfig(dir, on, defaultSettleDelayS, defaultDisputeWindowS, arbiterKey, tickMs,
                disputesPerSecond, disputeBurst, compactLogBytes);
    }

    public ChannelConfig withArbiterKey(byte[] key) {
        return new ChannelConfig(dir, fsync, defaultSettleDelayS, defaultDisputeWindowS, key, tickMs,
                disputesPerSecond, disputeBurst, compactLogBytes);
    }

    public ChannelConfig withTickMs(long ms) {
        return new ChannelConfig(dir, fsync, defaultSettleDelayS, defaultDisputeWindowS, arbiterKey, ms,
                disputesPerSecond, disputeBurst, compactLogBytes);
    }
}
