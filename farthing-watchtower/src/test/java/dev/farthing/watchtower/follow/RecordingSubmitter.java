package dev.farthing.watchtower.follow;

import dev.farthing.watchtower.blob.JusticePayload;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every penalty submitted; the first {@code transientFailures} fail as an unreachable engine would. */
final class RecordingSubmitter implements PenaltySubmitter {
    final List<JusticePayload> submitted = new CopyOnWriteArrayList<>();
    final AtomicInteger transientFailures = new AtomicInteger();
    volatile Verdict answer = Verdict.landed("ok");

    @Override
    public Verdict submit(JusticePayload payload) throws IOException {
        if (transientFailures.getAndDecrement() > 0) {
            throw new IOException("connection refused (scripted)");
        }
        submitted.add(payload);
        return answer;
    }
}
