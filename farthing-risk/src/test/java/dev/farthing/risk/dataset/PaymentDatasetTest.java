package dev.farthing.risk.dataset;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentDatasetTest {
    @TempDir
    Path dir;

    static PaymentRecord record(long at, int i, Random random) {
        boolean fraud = random.nextBoolean();
        PaymentContext context = new PaymentContext("dev-" + random.nextInt(50), "10.0." + random.nextInt(256) + ".1",
                random.nextBoolean() ? "US" : null, random.nextBoolean() ? new PaymentContext.Geo(40.7, -74.0) : null,
                null, null, "c-" + i, random.nextBoolean() ? at - 1_000_000_000L * random.nextInt(600) : PaymentContext.UNKNOWN,
                null, at - 86_400_000_000_000L, new PaymentContext.Telemetry(new int[]{random.nextInt(300)}, 3, 0.5, null));
        PaymentRequest p = new PaymentRequest("pay-" + i, "u" + random.nextInt(100), "creator-1",
                1 + random.nextInt(10_000), "USD", null, context);
        return fraud ? new PaymentRecord(at, p, Label.FRAUD, "bot", "bot-" + random.nextInt(3))
                : new PaymentRecord(at, p, Label.LEGIT, PaymentRecord.LEGIT, null);
    }

    @Test
    void writesAndReadsBackTheSameRecords() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        List<PaymentRecord> records = new ArrayList<>();
        long at = 1_767_225_600_000_000_000L;
        for (int i = 0; i < 500; i++) {
            at += random.nextInt(3) * 1_000_003L;
            records.add(record(at, i, random));
        }
        Path file = dir.resolve("d.jsonl");
        PaymentDataset.write(file, records);
        List<PaymentRecord> back;
        try (Stream<PaymentRecord> in = PaymentDataset.read(file)) {
            back = in.toList();
        }
        assertThat(back).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(PaymentDataset.toLine(back.get(i))).isEqualTo(PaymentDataset.toLine(records.get(i)));
            assertThat(back.get(i).atNanos()).isEqualTo(records.get(i).atNanos());
            assertThat(back.get(i).label()).isEqualTo(records.get(i).label());
        }
    }

    @Test
    void theDocumentedLineParses() {
        PaymentRecord r = PaymentDataset.fromLine("""
                {"at":"2026-01-01T00:00:00.000000001Z","label":"fraud","scenario":"bot","campaign":"bot-3",\
                "payment":{"id":"p1","payer":"a","payee":"b","amount":3,"currency":"USD","context":{"device_id":"d","ip":"1.2.3.4"}}}""");
        assertThat(r.atNanos()).isEqualTo(1_767_225_600_000_000_001L);
        assertThat(r.fraud()).isTrue();
        assertThat(r.campaign()).isEqualTo("bot-3");
    }

    @Test
    void aBadLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Random random = new Random(1);
        String good = PaymentDataset.toLine(record(1_000, 1, random));
        String badAmount = PaymentDataset.toLine(record(2_000, 2, random)).replaceFirst("\"amount\":\\d+", "\"amount\":-3");
        Files.writeString(file, good + "\n\n" + good + "\n" + badAmount + "\n");
        try (Stream<PaymentRecord> in = PaymentDataset.read(file)) {
            assertThatThrownBy(in::toList).isInstanceOfSatisfying(DatasetException.class, e -> {
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.getMessage()).contains(":4: amount must be positive");
            });
        }
    }

    @Test
    void refusesOutOfOrderUnknownFieldsAndBadLabels() throws IOException {
        Random random = new Random(2);
        String late = PaymentDataset.toLine(record(5_000, 1, random));
        String early = PaymentDataset.toLine(record(4_000, 2, random));
        assertThat(readError("order.jsonl", late + "\n" + early)).contains(":2: records must be in time order");
        assertThat(readError("field.jsonl", late.replaceFirst("\\{", "{\"x\":1,"))).contains(":1: unknown field x");
        assertThat(readError("label.jsonl", late.replaceFirst("\"label\":\"\\w+\"", "\"label\":\"maybe\"")))
                .contains(":1: label must be");
        assertThat(readError("json.jsonl", "{not json")).contains(":1: malformed JSON");
        assertThatThrownBy(() -> PaymentDataset.fromLine(early.replaceFirst("\"scenario\":\"\\w+\"", "\"scenario\":\"Bot Farm\"")))
                .hasMessageContaining("scenario must be snake_case");
    }

    @Test
    void theWriterRefusesRecordsOutOfTimeOrder() {
        Random random = new Random(3);
        try (PaymentDataset.Writer out = PaymentDataset.Writer.open(dir.resolve("w.jsonl"))) {
            out.append(record(10, 1, random));
            assertThatThrownBy(() -> out.append(record(9, 2, random))).isInstanceOf(DatasetException.class)
                    .hasMessageContaining("earlier");
            assertThat(out.count()).isEqualTo(1);
        }
    }

    @Test
    void aLegitRecordHasNoCampaign() {
        PaymentRecord r = record(1, 1, new Random(4));
        assertThatThrownBy(() -> new PaymentRecord(1, r.payment(), Label.LEGIT, "legit", "c-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String readError(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content + "\n");
        try (Stream<PaymentRecord> in = PaymentDataset.read(file)) {
            in.toList();
        } catch (DatasetException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + name);
    }
}
