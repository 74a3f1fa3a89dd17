package dev.farthing.watchtower.engine;

import dev.farthing.watchtower.follow.PenaltySubmitter.Verdict;

/**
 * How the tower reads the engine's answer to a penalty: 2xx landed; 408, 429 ({@code rate_limited}) and 5xx
 * are transient; any other 4xx is a refusal (the secret does not match, the window closed, the channel is
 * settled) that retrying cannot change. A 409 on a channel already settled by our penalty is turned into
 * "landed" by {@link EngineClient}, which reads the channel back.
 */
final class DisputeReplies {

    private DisputeReplies() {
    }

    static Verdict verdict(int status, String body) {
        if (status >= 200 && status < 300) {
            return Verdict.landed("HTTP " + status);
        }
        String detail = "HTTP " + status + " " + body;
        if (status == 408 || status == 429 || status >= 500) {
            return Verdict.retry(detail);
        }
        return Verdict.refused(detail);
    }
}
