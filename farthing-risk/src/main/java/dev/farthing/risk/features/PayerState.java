package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentContext;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Everything kept per payer: windows, distinct payees ({@code first}), payment times, the amount/hour
 * baseline, recently used devices, IPs and instruments, and the last known position and country.
 */
final class PayerState extends EntityState {
    final GapHistory gaps;
    final PayerBaseline baseline = new PayerBaseline();
    final RecentSet devices;
    final RecentSet ips;
    final RecentSet instruments;
    /** Recent payees that were fresh (few distinct payers) when this payer paid them, for fan-out. */
    final RecentSet freshPayees;
    long payments;
    long firstPaymentAtNanos;
    long lastGeoAtNanos = PaymentContext.UNKNOWN;
    double lastLat;
    double lastLon;
    String lastCountry;

    PayerState(WindowGeometry geometry, FeatureConfig config) {
        super(geometry, config.hllLgK());
        gaps = new GapHistory(config.gapHistory());
        devices = new RecentSet(config.recentIdentities());
        ips = new RecentSet(config.recentIdentities());
        instruments = new RecentSet(config.recentIdentities());
        freshPayees = new RecentSet(config.recentIdentities());
    }

    @Override
    void writeTo(DataOutput out) throws IOException {
        super.writeTo(out);
        gaps.writeTo(out);
        baseline.writeTo(out);
        devices.writeTo(out);
        ips.writeTo(out);
        instruments.writeTo(out);
        out.writeLong(payments);
        out.writeLong(firstPaymentAtNanos);
        out.writeLong(lastGeoAtNanos);
        out.writeDouble(lastLat);
        out.writeDouble(lastLon);
        out.writeBoolean(lastCountry != null);
        if (lastCountry != null) {
            out.writeUTF(lastCountry);
        }
        freshPayees.writeTo(out);
    }

    @Override
    void readFrom(DataInput in, int version) throws IOException {
        super.readFrom(in, version);
        gaps.readFrom(in);
        baseline.readFrom(in);
        devices.readFrom(in);
        ips.readFrom(in);
        instruments.readFrom(in);
        payments = in.readLong();
        firstPaymentAtNanos = in.readLong();
        lastGeoAtNanos = in.readLong();
        lastLat = in.readDouble();
        lastLon = in.readDouble();
        lastCountry = in.readBoolean() ? in.readUTF() : null;
        if (version >= FeatureSnapshot.EVIDENCE_VERSION) {
            freshPayees.readFrom(in);
        }
    }
}
