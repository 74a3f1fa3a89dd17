package dev.farthing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code farthing payouts run}: asks a running server to run every payout that is due
 * ({@code POST /v1/payouts {"run":"due"}}) and prints the batch. The server holds the ledger and the providers'
 * connectors, so the run happens there, on its settlement writer; the command only starts it and reports.
 */
@Command(name = "payouts", description = "Payouts to payees.", subcommands = PayoutsCommand.Run.class)
public final class PayoutsCommand implements Runnable {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: run");
    }

    @Command(name = "run", description = {"Run every payout that is due now on a running server and print the batch.",
            "Each payee due by its schedule, with at least its minimum payable, gets one payout per currency."})
    static final class Run implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin
        private HelpOption help;

        @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "The server to ask. Default: ${DEFAULT-VALUE}.")
        private String url;

        @Option(names = "--key", paramLabel = "KEY", defaultValue = "${env:FARTHING_API_KEY}",
                description = "An operator or admin API key. Default: $FARTHING_API_KEY.")
        private String key;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (key == null || key.isBlank()) {
                throw new CliException("give --key or set FARTHING_API_KEY (an operator key)", ExitCodes.USAGE, null);
            }
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/payouts")).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"run\":\"due\"}")).build();
            HttpResponse<String> response;
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new CliException("no server answers at " + base + " (is 'farthing serve' running there?)", e);
            }
            JsonNode body = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
            if (response.statusCode() != 201) {
                throw new CliException("the server refused the run: HTTP " + response.statusCode() + " "
                        + body.path("code").asText("") + ": " + body.path("detail").asText(response.body()));
            }
            PrintWriter out = spec.commandLine().getOut();
            JsonNode payouts = body.path("payouts");
            out.printf("batch %s: %d payouts%n", body.path("id").asText(), payouts.size());
            for (JsonNode p : payouts) {
                out.printf("  %-24s %-12s %12d %s (scale %d)  %-10s %s%n", p.path("id").asText(), p.path("payee").asText(),
                        p.path("amount").asLong(), p.path("currency").asText(), p.path("scale").asInt(),
                        p.path("status").asText(), p.path("provider").asText("-"));
            }
            for (JsonNode f : body.path("released_files")) out.printf("released bank file %s%n", f.asText());
            out.flush();
            return 0;
        }
    }
}
