package dev.farthing.server.http.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channels.Channel;
import dev.farthing.channels.ChannelEvent;
import dev.farthing.channels.ChannelKind;
import dev.farthing.keys.Hex;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.util.List;

/** Channel and event bodies, as documented in openapi.json ({@code Channel}, {@code ChannelEvents}). */
final class ChannelJson {
    private ChannelJson() {
    }

    static byte[] channel(Channel c) {
        return Json.bytes(1024, g -> write(g, c));
    }

    static byte[] claim(Channel c, long redeemed) {
        return Json.bytes(1024, g -> {
            g.writeStartObject();
            g.writeNumberField("redeemed", redeemed);
            g.writeFieldName("channel");
            write(g, c);
            g.writeEndObject();
        });
    }

    static void write(JsonGenerator g, Channel c) throws IOException {
        boolean twoWay = c.kind() == ChannelKind.TWO_WAY;
        g.writeStartObject();
        g.writeStringField("id", c.terms().idHex());
        g.writeStringField("kind", c.kind().wire());
        g.writeStringField("status", c.status().wire());
        g.writeStringField("currency", c.terms().currency());
        g.writeStringField("payer", c.terms().accountA());
        g.writeStringField("payee", c.terms().accountB());
        g.writeStringField("public_key", Hex.encode(c.keys().signingA()));
        g.writeNumberField("deposit", c.depositA());
        g.writeNumberField("paid", c.paid());
        g.writeNumberField("locked", c.locked());
        if (twoWay) {
            g.writeStringField("public_key_b", Hex.encode(c.keys().signingB()));
            g.writeStringField("dispute_key_a", Hex.encode(c.keys().dispute(dev.farthing.channel.protocol.Party.A, c.terms())));
            g.writeStringField("dispute_key_b", Hex.encode(c.keys().dispute(dev.farthing.channel.protocol.Party.B, c.terms())));
            g.writeNumberField("dispute_rotations_a", c.keys().disputeRotations(dev.farthing.channel.protocol.Party.A));
            g.writeNumberField("dispute_rotations_b", c.keys().disputeRotations(dev.farthing.channel.protocol.Party.B));
            g.writeNumberField("splice_nonce", c.spliceNonce());
            g.writeNumberField("deposit_b", c.depositB());
            g.writeNumberField("dispute_window_s", c.terms().disputeWindowS());
            g.writeNumberField("rotations_a", c.keys().rotationsA());
            g.writeNumberField("rotations_b", c.keys().rotationsB());
        } else {
            g.writeNumberField("settle_delay_s", c.terms().settleDelayS());
            g.writeStringField("cancel_after", Times.formatOrNull(c.terms().cancelAfter()));
        }
        g.writeStringField("closes_at", Times.formatOrNull(c.closesAt()));
        writeClosing(g, c);
        writeSettlement(g, c.settlement());
        g.writeStringField("created_at", Times.formatOrNull(c.terms().createdAt()));
        g.writeEndObject();
    }

    private static void writeClosing(JsonGenerator g, Channel c) throws IOException {
        ChannelState s = c.closing();
        if (s == null) {
            g.writeNullField("closing");
            return;
        }
        g.writeObjectFieldStart("closing");
        g.writeStringField("by", c.closingBy().wire());
        g.writeNumberField("nonce", s.nonce());
        g.writeNumberField("balance_a", s.balanceA());
        g.writeNumberField("balance_b", s.balanceB());
        g.writeStringField("commitment", Hex.encode(s.bytes()));
        g.writeEndObject();
    }

    private static void writeSettlement(JsonGenerator g, Channel.Settlement s) throws IOException {
        if (s == null) {
            g.writeNullField("settlement");
            return;
        }
        g.writeObjectFieldStart("settlement");
        g.writeNumberField("to_a", s.toA());
        g.writeNumberField("to_b", s.toB());
        g.writeStringField("reason", s.reason());
        g.writeStringField("at", Times.format(s.at()));
        g.writeEndObject();
    }

    /** {@code ledgerTime} is read after the events, so it is never before any event's {@code at}. */
    static byte[] events(List<ChannelEvent> events, long after, long ledgerTime) {
        long next = events.isEmpty() ? after : events.getLast().seq();
        return Json.bytes(256 + events.size() * 400, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (ChannelEvent e : events) {
                g.writeStartObject();
                g.writeNumberField("seq", e.seq());
                g.writeStringField("type", e.type());
                g.writeStringField("channel_id", Hex.encode(e.channelId()));
                if (e.commitment() != null) {
                    g.writeStringField("commitment", Hex.encode(e.commitment()));
                    g.writeNumberField("nonce", e.nonce());
                }
                if (e.windowEndsAt() != 0) {
                    g.writeStringField("window_ends_at", Times.format(e.windowEndsAt()));
                }
                g.writeStringField("at", Times.format(e.at()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("next", next);
            g.writeStringField("ledger_time", Times.format(ledgerTime));
            g.writeEndObject();
        });
    }
}
