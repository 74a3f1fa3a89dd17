package dev.farthing.server.http.stepup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step-up settings, from {@code DATA/stepup/config.json} when present:
 * {@code {"rp_id": "pay.example", "origins": ["https://pay.example"], "webhook_url": "https://platform/hooks",
 * "webhook_secret": "...", "nonce_ttl_s": 300, "code_ttl_s": 300, "rp_name": "Farthing", "registration_ttl_s": 300}}.
 * Without a webhook URL no codes are issued (WebAuthn only). Defaults: rp_id {@code localhost}, origin
 * {@code https://localhost}, RP name {@code Farthing}, 300 s.
 */
public record StepUpConfig(String rpId, List<String> origins, URI webhookUrl, byte[] webhookSecret,
                           long nonceTtlNanos, long codeTtlNanos, String rpName, long registrationTtlNanos) {
    public static final String FILE = "config.json";

    public static StepUpConfig read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new StepUpConfig("localhost", List.of("https://localhost"), null, null, 300_000_000_000L, 300_000_000_000L,
                    "Farthing", 300_000_000_000L);
        }
        try {
            JsonNode c = new ObjectMapper().readTree(Files.readAllBytes(file));
            List<String> origins = new ArrayList<>();
            c.path("origins").forEach(o -> origins.add(o.asText()));
            String url = c.path("webhook_url").asText(null);
            String secret = c.path("webhook_secret").asText(null);
            if (url != null && (secret == null || secret.length() < 16)) {
                throw new IllegalArgumentException(file + ": webhook_url needs a webhook_secret of at least 16 characters");
            }
            return new StepUpConfig(c.path("rp_id").asText("localhost"),
                    origins.isEmpty() ? List.of("https://localhost") : List.copyOf(origins),
                    url == null ? null : URI.create(url), secret == null ? null : secret.getBytes(StandardCharsets.UTF_8),
                    c.path("nonce_ttl_s").asLong(300) * 1_000_000_000L, c.path("code_ttl_s").asLong(300) * 1_000_000_000L,
                    c.path("rp_name").asText("Farthing"), c.path("registration_ttl_s").asLong(300) * 1_000_000_000L);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
