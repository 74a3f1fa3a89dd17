package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of a {@link Channel} for the channel journal, snapshots and closed-channel files (version byte
 * first). Version 2 appends the splice nonce and the rotated dispute keys; version 1 records still read.
 */
final class ChannelCodec {
    private static final int VERSION = 2;

    private ChannelCodec() {
    }

    static void write(DataOutputStream out, Channel c) throws IOException {
        ChannelTerms t = c.terms();
        out.writeByte(VERSION);
        out.write(t.id());
        out.writeLong(t.number());
        out.writeByte(t.kind().ordinal());
        out.writeUTF(t.currency());
        out.writeUTF(t.accountA());
        out.writeUTF(t.accountB());
        out.writeLong(t.settleDelayS());
        out.writeLong(t.cancelAfter());
        out.writeLong(t.disputeWindowS());
        optional(out, t.disputeKeyA());
        optional(out, t.disputeKeyB());
        out.writeLong(t.createdAt());
        ChannelKeys k = c.keys();
        optional(out, k.signingA());
        optional(out, k.signingB());
        out.writeLong(k.rotationsA());
        out.writeLong(k.rotationsB());
        optional(out, k.retiredA());
        optional(out, k.retiredB());
        out.writeLong(c.depositA());
        out.writeLong(c.depositB());
        out.writeLong(c.paid());
        out.writeByte(c.status().ordinal());
        out.writeLong(c.closesAt());
        optional(out, c.closing() == null ? null : c.closing().bytes());
        out.writeByte(c.closingBy() == null ? -1 : c.closingBy().ordinal());
        writeSettlement(out, c.settlement());
        out.writeLong(c.opSeq());
        out.writeLong(c.spliceNonce());
        DisputeKeys d = k.disputes();
        out.writeBoolean(d != null);
        if (d != null) {
            optional(out, d.currentA());
            optional(out, d.currentB());
            out.writeLong(d.rotationsA());
            out.writeLong(d.rotationsB());
            optional(out, d.retiredA());
            optional(out, d.retiredB());
            out.writeLong(d.retiredUpToA());
            out.writeLong(d.retiredUpToB());
        }
    }

    static Channel read(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown channel record version " + version);
        }
        byte[] id = in.readNBytes(32);
        ChannelTerms terms = new ChannelTerms(id, in.readLong(), ChannelKind.values()[in.readUnsignedByte()],
                in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
                optional(in), optional(in), in.readLong());
        byte[] signingA = optional(in);
        byte[] signingB = optional(in);
        long rotationsA = in.readLong();
        long rotationsB = in.readLong();
        byte[] retiredA = optional(in);
        byte[] retiredB = optional(in);
        long depositA = in.readLong();
        long depositB = in.readLong();
        long paid = in.readLong();
        ChannelStatus status = ChannelStatus.values()[in.readUnsignedByte()];
        long closesAt = in.readLong();
        byte[] closing = optional(in);
        byte by = in.readByte();
        Channel.Settlement settlement = readSettlement(in);
        long opSeq = in.readLong();
        long spliceNonce = 0;
        DisputeKeys disputes = null;
        if (version >= 2) {
            spliceNonce = in.readLong();
            if (in.readBoolean()) {
                disputes = new DisputeKeys(optional(in), optional(in), in.readLong(), in.readLong(), optional(in),
                        optional(in), in.readLong(), in.readLong());
            }
        }
        ChannelKeys keys = new ChannelKeys(signingA, signingB, rotationsA, rotationsB, retiredA, retiredB, disputes);
        return new Channel(terms, keys, depositA, depositB, paid, status, closesAt,
                closing == null ? null : ChannelState.parse(closing), by < 0 ? null : Party.values()[by],
                settlement, opSeq, spliceNonce).checked();
    }

    static byte[] bytes(Channel c) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            write(out, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static Channel fromBytes(byte[] b) throws IOException {
        return read(new DataInputStream(new ByteArrayInputStream(b)));
    }

    private static void writeSettlement(DataOutputStream out, Channel.Settlement s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeLong(s.toA());
            out.writeLong(s.toB());
            out.writeUTF(s.reason());
            out.writeLong(s.at());
        }
    }

    private static Channel.Settlement readSettlement(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Channel.Settlement(in.readLong(), in.readLong(), in.readUTF(), in.readLong()) : null;
    }

    private static void optional(DataOutputStream out, byte[] b) throws IOException {
        out.writeShort(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] optional(DataInputStream in) throws IOException {
        short n = in.readShort();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated channel record");
        }
        return b;
    }
}
