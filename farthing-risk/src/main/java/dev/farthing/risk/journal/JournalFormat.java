package dev.farthing.risk.journal;

/**
 * Record layout: magic {@code FRKJ} (4), payload length (4), payload (n), CRC32C of the magic, length and
 * payload (4). One append-only file, {@code risk-journal.log}.
 */
final class JournalFormat {
    static final int MAGIC = 0x46524B4A;
    static final int HEADER_BYTES = 8;
    static final int OVERHEAD_BYTES = HEADER_BYTES + 4;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    static final String FILE_NAME = "risk-journal.log";

    private JournalFormat() {
    }
}
