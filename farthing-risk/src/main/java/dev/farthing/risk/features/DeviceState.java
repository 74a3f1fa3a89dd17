package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A device's state: the generic windows and distinct counts, plus the last few payer accounts seen on it with
 * when each first used it, so "many accounts started using this device today" (a farm) differs from "a family
 * tablet used by the same three people for months".
 */
final class DeviceState extends EntityState {
    final RecentSet payers;

    DeviceState(WindowGeometry geometry, FeatureConfig config) {
        super(geometry, config.hllLgK());
        payers = new RecentSet(config.recentIdentities());
    }

    @Override
    void writeTo(DataOutput out) throws IOException {
        super.writeTo(out);
        payers.writeTo(out);
    }

    @Override
    void readFrom(DataInput in, int version) throws IOException {
        super.readFrom(in, version);
        if (version >= FeatureSnapshot.EVIDENCE_VERSION) {
            payers.readFrom(in);
        }
    }
}
