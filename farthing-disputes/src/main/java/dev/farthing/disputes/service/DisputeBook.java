package dev.farthing.disputes.service;

import dev.farthing.disputes.evidence.ClaimantHistory;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeClass;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.DisputeState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The disputes and deliveries in memory. Written by the service's writer thread only (and by replay before it
 * starts); read from any thread. Bounded: at most {@code maxDisputes} disputes and {@code MAX_DELIVERIES_PER_PAYMENT}
 * deliveries per payment; past that the service refuses new ones.
 */
final class DisputeBook {
    static final int MAX_DELIVERIES_PER_PAYMENT = 16;
    static final long RECENT_NANOS = 90L * 24 * 3600 * 1_000_000_000L;
    final int maxDisputes;
    final int maxDeliveries;
    final ConcurrentSkipListMap<String, Dispute> disputes = new ConcurrentSkipListMap<>();
    private final Map<String, String> byPayment = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byClaimant = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private int deliveryCount;

    DisputeBook(int maxDisputes, int maxDeliveries) {
        this.maxDisputes = maxDisputes;
        this.maxDeliveries = maxDeliveries;
    }

    void put(Dispute d) {
        Dispute before = disputes.put(d.id(), d);
        if (before == null) {
            if (d.request().paymentId() != null) byPayment.put(d.request().paymentId(), d.id());
            byClaimant.computeIfAbsent(d.claimant(), k -> new CopyOnWriteArrayList<>()).add(d.id());
        }
    }

    boolean putDelivery(Delivery d) {
        List<Delivery> list = deliveries.computeIfAbsent(d.paymentId(), k -> new CopyOnWriteArrayList<>());
        if (list.contains(d)) return false;
        list.add(d);
        deliveryCount++;
        return true;
    }

    boolean deliveriesFull(String paymentId) {
        return deliveryCount >= maxDeliveries || deliveries.getOrDefault(paymentId, List.of()).size() >= MAX_DELIVERIES_PER_PAYMENT;
    }

    List<Delivery> deliveries(String paymentId) {
        return List.copyOf(deliveries.getOrDefault(paymentId, List.of()));
    }

    String disputeOfPayment(String paymentId) {
        return byPayment.get(paymentId);
    }

    boolean disputed(String paymentId) {
        return byPayment.containsKey(paymentId);
    }

    /** The claimant's disputes other than {@code except}, as history; a claim won as a fraud victim is not held against them. */
    ClaimantHistory history(String claimant, String except, long now) {
        int filed = 0, won = 0, lost = 0, victim = 0, lostRecent = 0, open = 0;
        for (String id : byClaimant.getOrDefault(claimant, List.of())) {
            Dispute d = disputes.get(id);
            if (d == null || id.equals(except)) continue;
            filed++;
            boolean settled = d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL;
            if (!settled || d.outcome() == null) {
                open++;
            } else if (d.outcome() == DisputeOutcome.LOST) {
                lost++;
                if (now - d.stateSince() <= RECENT_NANOS) lostRecent++;
            } else {
                won++;
                if (d.classification() == DisputeClass.FRAUD) victim++;
            }
        }
        return new ClaimantHistory(filed, won, lost, victim, lostRecent, open);
    }

    List<Dispute> list(java.util.function.Predicate<Dispute> filter, String after, int limit) {
        List<Dispute> out = new ArrayList<>();
        var view = after == null ? disputes.values() : disputes.tailMap(after, false).values();
        for (Dispute d : view) {
            if (filter.test(d)) {
                out.add(d);
                if (out.size() >= limit) break;
            }
        }
        return out;
    }
}
