package dev.farthing.bench.rate;

import dev.farthing.bench.payments.LatencyRecorder;
import dev.farthing.channel.protocol.Claim;
import dev.farthing.channels.ChannelConfig;
import dev.farthing.channels.ChannelKind;
import dev.farthing.channels.ChannelService;
import dev.farthing.channels.OpenRequest;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Claims at a fixed rate, in process: {@code --workers} payer/payee pairs, each with one one-way channel and its
 * claims signed in advance (the payer signs, not the server), redeem one claim per arrival (verify + channel log +
 * ledger transfer, durable before it returns). Claims on one channel are cumulative, so each channel serves its
 * arrivals in order; arrivals wait in a shared queue for the next free channel, and that wait counts.
 */
final class ClaimWorkers {
    private ClaimWorkers() {
    }

    static LatencyRecorder measure(RateBench.Options o, Path dir) throws Exception {
        int perWorker = (int) Math.ceil(o.rate() * (o.warmupS() + o.durationS()) * 1.2 / o.workers()) + 100;
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(o.fsync()));
             ChannelService channels = ChannelService.open(ledger,
                     ChannelConfig.defaults(dir.resolve("channels")).withFsync(o.fsync()).withTickMs(0))) {
            ledger.createAccount(new NewAccount("mint", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).join().orThrow();
            List<Arrivals.Worker> workers = new ArrayList<>();
            for (int w = 0; w < o.workers(); w++) {
                workers.add(channel(ledger, channels, w, perWorker));
            }
            try (Arrivals arrivals = new Arrivals(workers, false, RateBench.backlog(o))) {
                LatencyRecorder warmup = new LatencyRecorder();
                LatencyRecorder measured = new LatencyRecorder();
                LatencyRecorder result = RateBench.measure(o, intended -> arrivals.send(intended, warmup), measured,
                        intended -> arrivals.send(intended, measured), arrivals::drain);
                if (!channels.conservation().balanced()) {
                    throw new IllegalStateException("conservation failed: " + channels.conservation());
                }
                return result;
            }
        }
    }

    private static Arrivals.Worker channel(Ledger ledger, ChannelService channels, int n, int claims) {
        SecureRandom random = new SecureRandom();
        SoftwareSigner payer = Ed25519.generate(random);
        String a = "payer" + n;
        String b = "payee" + n;
        for (String w : new String[] {a, b}) {
            ledger.createAccount(new NewAccount(w, "USD", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
        }
        ledger.createTransfer(NewTransfer.simple("mint-" + a, "mint", a, 1L << 40, "USD")).join().orThrow();
        byte[] id = new byte[32];
        random.nextBytes(id);
        channels.open(new OpenRequest(id, ChannelKind.ONE_WAY, a, b, (long) claims * 10, 0, "USD",
                payer.publicKey(), null, null, null, 3_600L, null, 0));
        byte[][] signatures = new byte[claims][];
        IntStream.range(0, claims).parallel().forEach(i -> signatures[i] = payer.sign(new Claim(id, (i + 1) * 10L).bytes()));
        int[] next = {0};
        return (intended, recorder) -> {
            int i = next[0];
            if (i >= claims) {
                recorder.failed(intended, "channel " + n + " ran out of pre-signed claims");
                return;
            }
            next[0] = i + 1;
            channels.claim(id, (i + 1) * 10L, signatures[i], null);
            recorder.answered(intended, "redeemed");
        };
    }
}
