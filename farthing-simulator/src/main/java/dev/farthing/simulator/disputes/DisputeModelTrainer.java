package dev.farthing.simulator.disputes;

import dev.farthing.disputes.resolve.Features;
import dev.farthing.disputes.resolve.LogisticModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the shipped dispute model offline on the tuning mix ({@link DisputeMix}) and writes it:
 * {@code java ... dev.farthing.simulator.disputes.DisputeModelTrainer OUT_FILE [SEED] [N]}. Deterministic: the same
 * seed and size give the same weights. It prints the training accuracy; quality is measured elsewhere, on the
 * independent mix.
 */
public final class DisputeModelTrainer {
    private DisputeModelTrainer() {
    }

    public static LogisticModel train(long seed, int n) {
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (LabelledDispute d : new DisputeMix(seed).draw(n)) {
            xs.add(Features.of(d.request(), d.amount(), d.gathered(), d.evidence()));
            ys.add(d.claimantRight());
        }
        return LogisticModel.train("mix-" + seed + "-" + n, xs, ys, 3000, 0.5, 1e-4);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DisputeModelTrainer OUT_FILE [SEED] [N]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261202L;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        LogisticModel m = train(seed, n);
        int right = 0;
        List<LabelledDispute> check = new DisputeMix(seed).draw(n);
        for (LabelledDispute d : check) {
            double p = m.predict(Features.of(d.request(), d.amount(), d.gathered(), d.evidence()));
            if ((p >= 0.5) == d.claimantRight()) right++;
        }
        Files.writeString(Path.of(args[0]), "# dispute model, trained by dev.farthing.simulator.disputes.DisputeModelTrainer (seed "
                + seed + ", " + n + " cases of the tuning mix)\n" + m.toText());
        System.out.printf("trained on %d cases: training accuracy %.3f; written to %s%n", n, right / (double) n, args[0]);
    }
}
