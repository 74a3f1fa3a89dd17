package dev.farthing.disputes.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.disputes.calendar.BusinessCalendar;
import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.calendar.Jurisdictions;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Tier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dispute rules as data: the chargeback fee per currency and the jurisdictions (currencies, time zone,
 * weekend, holidays, business days per state and tier, the automatic-decision limit per currency, provisional
 * credit). A versioned JSON file ({@code format: farthing-disputes-config, version: 1}); the defaults ship as
 * {@code disputes-config.json} beside this class. Read strictly: an unknown field, a missing one, a number that is
 * not an exact positive integer, an unknown zone or a currency in two jurisdictions is refused with the file and
 * the field named ({@link InvalidConfig}). Exactly one jurisdiction names no currencies: it is the fallback.
 */
public record DisputeConfig(int version, Map<String, Long> chargebackFee, Jurisdictions jurisdictions) {
    public static final String FORMAT = "farthing-disputes-config";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration that cannot be used, saying where and why. */
    public static final class InvalidConfig extends IllegalArgumentException {
        InvalidConfig(String source, String where, String problem) {
            super(source + ": " + where + " " + problem);
        }
    }

    public DisputeConfig {
        chargebackFee = Map.copyOf(chargebackFee);
    }

    /** The shipped defaults. */
    public static DisputeConfig shipped() {
        return parse(shippedText().getBytes(java.nio.charset.StandardCharsets.UTF_8), "shipped disputes-config.json");
    }

    /** The shipped file's text: a starting point for a data directory's own file. */
    public static String shippedText() {
        try (InputStream in = DisputeConfig.class.getResourceAsStream("disputes-config.json")) {
            if (in == null) {
                throw new IllegalStateException("the shipped disputes-config.json is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file when it exists, else the shipped defaults. */
    public static DisputeConfig loadOrShipped(Path file) {
        if (!Files.isRegularFile(file)) {
            return shipped();
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static DisputeConfig parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidConfig(source, "is not JSON:", e.getMessage());
        }
        Reader r = new Reader(source);
        r.fields(root, "", Set.of("format", "version", "chargeback_fee", "jurisdictions"));
        if (!FORMAT.equals(r.required(root, "", "format").asText())) {
            throw new InvalidConfig(source, "format", "must be \"" + FORMAT + "\"");
        }
        long version = r.positive(root, "", "version");
        if (version != VERSION) {
            throw new InvalidConfig(source, "version", version + " is not supported (this build reads version " + VERSION + ")");
        }
        Map<String, Long> fee = r.amountsOf(r.required(root, "", "chargeback_fee"), "chargeback_fee");
        JsonNode list = r.required(root, "", "jurisdictions");
        if (!list.isArray() || list.isEmpty()) {
            throw new InvalidConfig(source, "jurisdictions", "must be a non-empty array");
        }
        Map<String, Jurisdiction> byCurrency = new HashMap<>();
        Set<String> names = new HashSet<>();
        Jurisdiction fallback = null;
        for (int i = 0; i < list.size(); i++) {
            String at = "jurisdictions[" + i + "]";
            JsonNode j = list.get(i);
            Jurisdiction made = r.jurisdiction(j, at);
            if (!names.add(made.name())) {
                throw new InvalidConfig(source, at + ".name", "\"" + made.name() + "\" is named twice");
            }
            JsonNode currencies = r.required(j, at, "currencies");
            if (!currencies.isArray()) {
                throw new InvalidConfig(source, at + ".currencies", "must be an array of currency codes");
            }
            if (currencies.isEmpty()) {
                if (fallback != null) {
                    throw new InvalidConfig(source, at + ".currencies", "is empty, but " + fallback.name()
                            + " is the fallback already (exactly one jurisdiction names no currencies)");
                }
                fallback = made;
            }
            for (JsonNode c : currencies) {
                String code = r.currency(c, at + ".currencies");
                Jurisdiction before = byCurrency.put(code, made);
                if (before != null) {
                    throw new InvalidConfig(source, at + ".currencies", code + " is in " + before.name() + " already");
                }
            }
        }
        if (fallback == null) {
            throw new InvalidConfig(source, "jurisdictions", "need one jurisdiction with no currencies: the fallback for the rest");
        }
        return new DisputeConfig((int) version, fee, new Jurisdictions(byCurrency, fallback));
    }

    /** Strict reading of the tree, every problem naming the source and the field. */
    private record Reader(String source) {
        void fields(JsonNode node, String at, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                throw new InvalidConfig(source, at.isEmpty() ? "the document" : at, "must be an object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new InvalidConfig(source, where(at, f), "is not a known field (known: " + String.join(", ", allowed) + ")");
                }
            }
        }

        JsonNode required(JsonNode node, String at, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw new InvalidConfig(source, where(at, field), "is required");
            }
            return v;
        }

        long positive(JsonNode node, String at, String field) {
            JsonNode v = required(node, at, field);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
                throw new InvalidConfig(source, where(at, field), "must be a positive integer, not " + v);
            }
            return v.asLong();
        }

        String currency(JsonNode c, String at) {
            if (!c.isTextual() || !c.asText().matches("[A-Z]{3}")) {
                throw new InvalidConfig(source, at, "must hold currency codes (three capitals), not " + c);
            }
            return c.asText();
        }

        Jurisdiction jurisdiction(JsonNode j, String at) {
            fields(j, at, Set.of("name", "currencies", "zone", "weekend", "holidays", "days", "tier_days", "auto_limit",
                    "provisional_credit"));
            String name = required(j, at, "name").asText();
            if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
                throw new InvalidConfig(source, where(at, "name"), "must be a lower-case name ([a-z][a-z0-9_]*), not " + name);
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(required(j, at, "zone").asText());
            } catch (DateTimeException e) {
                throw new InvalidConfig(source, where(at, "zone"), "is not a time zone: " + e.getMessage());
            }
            Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
            for (JsonNode d : array(j, at, "weekend")) {
                try {
                    weekend.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfig(source, where(at, "weekend"), "holds " + d + ", not a day of the week");
                }
            }
            if (weekend.size() >= 7) {
                throw new InvalidConfig(source, where(at, "weekend"), "leaves no business day");
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (JsonNode d : array(j, at, "holidays")) {
                try {
                    holidays.add(LocalDate.parse(d.asText()));
                } catch (DateTimeException e) {
                    throw new InvalidConfig(source, where(at, "holidays"), "holds " + d + ", not a date (YYYY-MM-DD)");
                }
            }
            JsonNode days = required(j, at, "days");
            String daysAt = where(at, "days");
            fields(days, daysAt, Set.of("open", "evidence", "decided", "appealed"));
            Map<DisputeState, Integer> stateDays = Map.of(DisputeState.OPEN, businessDays(days, daysAt, "open"),
                    DisputeState.EVIDENCE, businessDays(days, daysAt, "evidence"),
                    DisputeState.DECIDED, businessDays(days, daysAt, "decided"),
                    DisputeState.APPEALED, businessDays(days, daysAt, "appealed"));
            JsonNode tiers = required(j, at, "tier_days");
            String tiersAt = where(at, "tier_days");
            fields(tiers, tiersAt, Set.of("l1", "l2", "l3"));
            Map<Tier, Integer> tierDays = Map.of(Tier.L1, businessDays(tiers, tiersAt, "l1"),
                    Tier.L2, businessDays(tiers, tiersAt, "l2"), Tier.L3, businessDays(tiers, tiersAt, "l3"));
            Map<String, Long> limit = amountsOf(required(j, at, "auto_limit"), where(at, "auto_limit"));
            JsonNode credit = required(j, at, "provisional_credit");
            if (!credit.isBoolean()) {
                throw new InvalidConfig(source, where(at, "provisional_credit"), "must be true or false");
            }
            return new Jurisdiction(name, new BusinessCalendar(zone, weekend, holidays), stateDays, tierDays, limit,
                    credit.asBoolean());
        }

        Map<String, Long> amountsOf(JsonNode node, String at) {
            if (node == null || !node.isObject()) {
                throw new InvalidConfig(source, at, "must be an object of currency: minor units");
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                currency(JSON.getNodeFactory().textNode(e.getKey()), at);
                out.put(e.getKey(), positive(node, at, e.getKey()));
            }
            return out;
        }

        private int businessDays(JsonNode node, String at, String field) {
            long d = positive(node, at, field);
            if (d > 366) {
                throw new InvalidConfig(source, where(at, field), "must be 1..366 business days, not " + d);
            }
            return (int) d;
        }

        private JsonNode array(JsonNode j, String at, String field) {
            JsonNode v = required(j, at, field);
            if (!v.isArray()) {
                throw new InvalidConfig(source, where(at, field), "must be an array");
            }
            return v;
        }

        private static String where(String at, String field) {
            return at.isEmpty() ? field : at + "." + field;
        }
    }
}
