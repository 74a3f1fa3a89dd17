package dev.farthing.channels;

/**
 * One ledger transfer a channel operation makes: escrow in (open, fund) or out (claim, settlement, penalty).
 * {@code id} is deterministic per channel operation and leg, so re-applying after a crash is idempotent.
 */
record Move(String id, String debit, String credit, long amount, String code) {

    Move {
        if (amount <= 0) {
            throw new IllegalArgumentException("a move must carry a positive amount");
        }
    }

    static String id(Channel next, int leg) {
        return "chn." + next.terms().number() + "." + next.opSeq() + "." + leg;
    }
}
