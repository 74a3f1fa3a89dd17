package dev.farthing.customers.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The KYC profiles in force: one per jurisdiction, read from versioned JSON data files (the shipped ones in
 * {@code kyc-profiles/} on the class path, or a directory an operator maintains), with their major-unit amounts
 * converted to the ledger's minor units. A country with no profile of its own gets {@code DEFAULT}.
 * Loading is strict: a file that is not exactly the format, a fractional amount finer than the ledger's scale, or
 * a higher tier stricter than a lower one is refused with the file named.
 */
public final class KycProfiles {
    public static final String FORMAT = "farthing-kyc-profile/1";
    public static final List<String> SHIPPED = List.of("us", "eu", "uk", "sg", "jp", "default");
    private static final String DEFAULT = "DEFAULT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, KycProfile> byJurisdiction;
    private final Map<String, KycProfile> byCountry;

    private KycProfiles(List<KycProfile> profiles) {
        Map<String, KycProfile> j = new LinkedHashMap<>();
        Map<String, KycProfile> c = new HashMap<>();
        for (KycProfile p : profiles) {
            if (j.put(p.jurisdiction(), p) != null) {
                throw new IllegalArgumentException("two KYC profiles for jurisdiction " + p.jurisdiction());
            }
            for (String country : p.countries()) {
                if (c.put(country, p) != null) {
                    throw new IllegalArgumentException("country " + country + " is in two KYC profiles");
                }
            }
        }
        if (!j.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("the KYC profiles need a DEFAULT profile for other countries");
        }
        this.byJurisdiction = Map.copyOf(j);
        this.byCountry = Map.copyOf(c);
    }

    /** The shipped profiles, amounts scaled by {@code scales} (currency code to ledger scale). */
    public static KycProfiles shipped(Map<String, Integer> scales) {
        List<KycProfile> all = new ArrayList<>();
        for (String name : SHIPPED) {
            String resource = "/kyc-profiles/" + name + ".json";
            try (InputStream in = KycProfiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing shipped KYC profile " + resource);
                }
                all.add(parse(JSON.readTree(in), resource, scales));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new KycProfiles(all);
    }

    /** Every {@code *.json} profile in {@code dir} (an operator's own, versioned copies). */
    public static KycProfiles load(Path dir, Map<String, Integer> scales) {
        List<KycProfile> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                all.add(parse(JSON.readTree(f.toFile()), f.toString(), scales));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KYC profiles in " + dir, e);
        }
        return new KycProfiles(all);
    }

    public KycProfile forCountry(String country) {
        KycProfile p = byCountry.get(country);
        return p != null ? p : byJurisdiction.get(DEFAULT);
    }

    public Map<String, KycProfile> all() {
        return byJurisdiction;
    }

    static KycProfile parse(JsonNode root, String source, Map<String, Integer> scales) {
        try {
            if (!FORMAT.equals(require(root, "format").asText())) {
                throw new IllegalArgumentException("format must be " + FORMAT);
            }
            String jurisdiction = text(root, "jurisdiction");
            Set<String> countries = new HashSet<>();
            require(root, "countries").forEach(c -> countries.add(c.asText()));
            List<String> sources = new ArrayList<>();
            require(root, "sources").forEach(s -> sources.add(s.asText()));
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a profile names its legal sources");
            }
            List<TierLimits> tiers = new ArrayList<>();
            for (JsonNode t : require(root, "tiers")) {
                int tier = require(t, "tier").intValue();
                if (tier != tiers.size()) {
                    throw new IllegalArgumentException("tiers must be listed 0.." + KycProfile.MAX_TIER + " in order");
                }
                Map<String, Caps> caps = new HashMap<>();
                require(t, "limits").properties().forEach(e -> {
                    Integer scale = scales.get(e.getKey());
                    if (scale != null) { // a currency this ledger does not have cannot be paid in anyway
                        caps.put(e.getKey(), caps(e.getValue(), scale));
                    }
                });
                if (!tiers.isEmpty()) {
                    for (Map.Entry<String, Caps> lower : tiers.getLast().caps().entrySet()) {
                        Caps higher = caps.get(lower.getKey());
                        if (higher == null || !higher.atLeast(lower.getValue())) {
                            throw new IllegalArgumentException("tier " + tier + " is stricter than tier "
                                    + (tier - 1) + " in " + lower.getKey());
                        }
                    }
                }
                tiers.add(new TierLimits(tier, text(t, "name"), caps));
            }
            JsonNode r = require(root, "record_retention");
            List<String> kept = new ArrayList<>();
            require(r, "fields").forEach(f -> kept.add(f.asText()));
            int years = require(r, "years").intValue();
            if (years < 1 || years > 30) {
                throw new IllegalArgumentException("record_retention.years must be 1..30");
            }
            return new KycProfile(jurisdiction, text(root, "version"), countries, sources, tiers,
                    new KycProfile.Retention(years, kept, text(r, "source")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("KYC profile " + source + ": " + e.getMessage(), e);
        }
    }

    private static Caps caps(JsonNode node, int scale) {
        return new Caps(minor(node, "per_payment", scale), minor(node, "daily", scale), minor(node, "monthly", scale));
    }

    /** A decimal string of major units to exact minor units; absent is no cap. */
    private static long minor(JsonNode node, String field, int scale) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Caps.NONE;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a decimal string of major units, e.g. \"150.00\"");
        }
        try {
            long minor = new BigDecimal(v.asText()).movePointRight(scale).longValueExact();
            if (minor < 0) {
                throw new IllegalArgumentException(field + " is negative");
            }
            return minor;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " " + v.asText() + " is not a whole number of minor units at scale " + scale);
        }
    }

    private static JsonNode require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = require(n, field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return v.asText();
    }
}
