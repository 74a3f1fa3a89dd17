package dev.farthing.risk.journal;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

/** Binary form of a {@link PaymentRequest}, used in the journal and to fingerprint bodies for idempotency. */
public final class PaymentCodec {
    private PaymentCodec() {
    }

    /** The canonical bytes of {@code p}: two requests are the same body exactly when these are equal. */
    public static byte[] bytes(PaymentRequest p) {
        ByteWriter w = new ByteWriter(256);
        write(w, p);
        return java.util.Arrays.copyOf(w.array(), w.size());
    }

    static void write(ByteWriter w, PaymentRequest p) {
        w.str(p.id());
        w.str(p.payer());
        w.str(p.payee());
        w.i64(p.amount());
        w.str(p.currency());
        w.u8(p.fee() == null ? 0 : 1);
        if (p.fee() != null) {
            w.str(p.fee().account());
            w.i64(p.fee().amount());
        }
        writeContext(w, p.context());
    }

    private static void writeContext(ByteWriter w, PaymentContext c) {
        w.str(c.deviceId());
        w.str(c.ip());
        w.str(c.country());
        w.u8(c.geo() == null ? 0 : 1);
        if (c.geo() != null) {
            w.f64(c.geo().lat());
            w.f64(c.geo().lon());
        }
        w.str(c.userAgent());
        w.str(c.sessionId());
        w.str(c.contentId());
        w.i64(c.contentStartedAtNanos());
        w.str(c.instrumentId());
        w.i64(c.accountCreatedAtNanos());
        writeTelemetry(w, c.telemetry());
    }

    private static void writeTelemetry(ByteWriter w, PaymentContext.Telemetry t) {
        w.u8(t == null ? 0 : 1);
        if (t == null) {
            return;
        }
        int[] keys = t.keystrokeIntervalsMs() == null ? new int[0] : t.keystrokeIntervalsMs();
        w.i32(keys.length);
        for (int k : keys) {
            w.i32(k);
        }
        w.u8(t.pointerMoves() == null ? 0 : 1);
        w.i32(t.pointerMoves() == null ? 0 : t.pointerMoves());
        w.u8(t.pointerStraightness() == null ? 0 : 1);
        w.f64(t.pointerStraightness() == null ? 0 : t.pointerStraightness());
        w.u8(t.touchPressureVar() == null ? 0 : 1);
        w.f64(t.touchPressureVar() == null ? 0 : t.touchPressureVar());
    }

    static PaymentRequest read(ByteReader r) {
        String id = r.str();
        String payer = r.str();
        String payee = r.str();
        long amount = r.i64();
        String currency = r.str();
        PaymentRequest.Fee fee = r.u8() == 1 ? new PaymentRequest.Fee(r.str(), r.i64()) : null;
        return new PaymentRequest(id, payer, payee, amount, currency, fee, readContext(r));
    }

    private static PaymentContext readContext(ByteReader r) {
        String device = r.str();
        String ip = r.str();
        String country = r.str();
        PaymentContext.Geo geo = r.u8() == 1 ? new PaymentContext.Geo(r.f64(), r.f64()) : null;
        String ua = r.str();
        String session = r.str();
        String content = r.str();
        long contentStarted = r.i64();
        String instrument = r.str();
        long created = r.i64();
        return new PaymentContext(device, ip, country, geo, ua, session, content, contentStarted, instrument, created,
                readTelemetry(r));
    }

    private static PaymentContext.Telemetry readTelemetry(ByteReader r) {
        if (r.u8() == 0) {
            return null;
        }
        int[] keys = new int[r.count(4)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.i32();
        }
        boolean hasMoves = r.u8() == 1;
        int moves = r.i32();
        boolean hasStraightness = r.u8() == 1;
        double straightness = r.f64();
        boolean hasPressure = r.u8() == 1;
        double pressure = r.f64();
        return new PaymentContext.Telemetry(keys, hasMoves ? Integer.valueOf(moves) : null,
                hasStraightness ? Double.valueOf(straightness) : null, hasPressure ? Double.valueOf(pressure) : null);
    }
}
