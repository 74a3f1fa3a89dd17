package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.channels.ChannelConfig;
import dev.farthing.channels.ChannelService;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Payment channels behind HTTP: opens a {@link ChannelService} in {@code DATA/channels} and serves
 * {@link ChannelRoutes}. The platform arbiter's public key (hex, raw or XRPL {@code ED} form) comes from the
 * environment variable {@code FARTHING_CHANNEL_ARBITER_KEY} or the file {@code DATA/channels/arbiter.pub};
 * without one, arbitration needs payer and payee. The key's private half lives in the KEYS helper's encrypted
 * key file or HSM, never here.
 */
public final class ChannelApi implements DomainApi {
    public static final String ARBITER_ENV = "FARTHING_CHANNEL_ARBITER_KEY";
    private final ChannelService service;
    private final ChannelRoutes routes;

    private ChannelApi(ChannelService service) {
        this.service = service;
        this.routes = new ChannelRoutes(service);
    }

    public static ChannelApi open(Path dir, Ledger ledger, Metrics metrics) {
        ChannelConfig config = ChannelConfig.defaults(dir).withArbiterKey(arbiterKey(dir));
        return new ChannelApi(ChannelService.open(ledger, config));
    }

    static byte[] arbiterKey(Path dir) {
        String hex = System.getenv(ARBITER_ENV);
        Path file = dir.resolve("arbiter.pub");
        try {
            if ((hex == null || hex.isBlank()) && Files.exists(file)) {
                hex = Files.readString(file, StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return hex == null || hex.isBlank() ? null : XrplKeys.normalise(hex.strip());
    }

    /** Channel payers and payees pass {@code check} (the customers' sanctions check) when a channel opens or is funded. */
    public void screenPartiesWith(ChannelRoutes.PartyCheck check, Metrics metrics) {
        routes.screenParties(check, metrics);
    }

    public ChannelService service() {
        return service;
    }

    @Override
    public List<Route> routes() {
        return routes.routes();
    }

    @Override
    public void close() {
        service.close();
    }
}
