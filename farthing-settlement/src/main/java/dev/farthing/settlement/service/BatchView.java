package dev.farthing.settlement.service;

import dev.farthing.settlement.payout.Payout;

import java.util.List;

/**
 * One payout batch and its payouts as they stand now. {@code releasedFiles}: the bank files ({@code <provider>/<name>})
 * the run that answers with this view released at batching connectors (ISO 20022); empty when a batch is read back.
 */
public record BatchView(String id, String trigger, long at, List<Payout> payouts, List<String> releasedFiles) {
    public BatchView {
        payouts = List.copyOf(payouts);
        releasedFiles = List.copyOf(releasedFiles);
    }

    BatchView withReleased(List<String> files) {
        return new BatchView(id, trigger, at, payouts, files);
    }
}
