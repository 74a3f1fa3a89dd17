package dev.farthing.channel.protocol;

/**
 * A one-way channel payer's request to close: {@code "FPC\0" ‖ channel id}, signed by the payer's channel key.
 * It starts the settle delay; a channel closes once, so the message needs no counter.
 */
public final class PayerClose {
    private static final byte[] PREFIX = Bytes.prefix("FPC\0");

    private PayerClose() {
    }

    public static byte[] bytes(byte[] channelId) {
        byte[] out = new byte[36];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(Bytes.require32("channel id", channelId), 0, out, 4, 32);
        return out;
    }

    public static boolean verify(byte[] channelId, byte[] payerKey, byte[] signature) {
        return SignatureCheck.verify(payerKey, bytes(channelId), signature);
    }
}
