package dev.farthing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny end-to-end run of the load generator: in-process and HTTP, both workloads, audited. */
class LedgerBenchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickRunPrintsOneParsableLinePerResultAndCountsAddUp(@TempDir Path data) throws Exception {
        BenchOptions options = BenchOptions.parse("--quick", "--mode", "in_process_batch,http_single",
                "--transfers", "600", "--clients", "4", "--wallets", "100", "--merchants", "10",
                "--data", data.toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = LedgerBench.run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("audit: OK");
        List<JsonNode> lines = jsonLines(output);
        assertThat(lines).as(output).hasSize(4);
        for (JsonNode line : lines) {
            String workload = line.get("workload").asText();
            String mode = line.get("mode").asText();
            assertThat(workload).isIn("uniform", "hot");
            assertThat(mode).isIn("in_process_batch", "http_single");
            assertThat(line.get("transfers").asLong()).as(line.toString()).isEqualTo(600);
            assertThat(line.get("failures").asLong()).isZero();
            assertThat(line.get("transfers_per_s").asDouble()).isPositive();
            double p50 = line.get("p50_us").asDouble();
            assertThat(p50).isPositive().isLessThanOrEqualTo(line.get("p99_us").asDouble());
            assertThat(line.get("p99_us").asDouble()).isLessThanOrEqualTo(line.get("p999_us").asDouble());
            assertThat(line.get("requests").asLong()).isEqualTo(expectedRequests(workload, mode));
        }
    }

    /** 600 transfers: in batches of 256 (whole payments), or one payment per HTTP request. */
    private static long expectedRequests(String workload, String mode) {
        boolean hot = workload.equals("hot");
        if (mode.equals("in_process_batch")) {
            return hot ? Math.ceilDiv(300, 128) : Math.ceilDiv(600, 256);
        }
        return hot ? 300 : 600;
    }

    static List<JsonNode> jsonLines(String output) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
