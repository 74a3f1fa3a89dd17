package dev.farthing.settlement.service;

import dev.farthing.settlement.payout.Payout;

import java.util.List;

/** One payout batch and its payouts as they stand now. */
public record BatchView(String id, String trigger, long at, List<Payout> payouts) {
}
