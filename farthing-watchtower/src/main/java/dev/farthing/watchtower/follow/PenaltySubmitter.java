package dev.farthing.watchtower.follow;

import dev.farthing.watchtower.blob.JusticePayload;

import java.io.IOException;

/** Sends the engine the revocation secret of a broadcast revoked state. */
public interface PenaltySubmitter {

    /**
     * Submits once. Returns the engine's verdict; throws IOException for a transport failure, which the
     * caller retries.
     */
    Verdict submit(JusticePayload payload) throws IOException, InterruptedException;

    /** What the engine said. {@code LANDED} covers the idempotent "already punished" answer. */
    enum Kind { LANDED, RETRY, REFUSED }

    record Verdict(Kind kind, String detail) {
        public static Verdict landed(String detail) {
            return new Verdict(Kind.LANDED, detail);
        }

        public static Verdict retry(String detail) {
            return new Verdict(Kind.RETRY, detail);
        }

        public static Verdict refused(String detail) {
            return new Verdict(Kind.REFUSED, detail);
        }
    }
}
