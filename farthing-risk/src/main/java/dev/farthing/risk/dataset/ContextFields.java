package dev.farthing.risk.dataset;

import java.net.Inet6Address;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a payment's context may hold and which identity values are well formed: one definition for the dataset
 * codec (strict) and the server's API reader (lenient), so the two never accept different payments.
 */
public final class ContextFields {
    public static final Set<String> FIELDS = Set.of("device_id", "ip", "country", "geo", "user_agent",
            "session_id", "content_id", "content_started_at", "instrument_id", "account_created_at", "telemetry");
    public static final Set<String> GEO_FIELDS = Set.of("lat", "lon");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private ContextFields() {
    }

    /** A dotted-quad IPv4 or an IPv6 literal. */
    public static boolean isIpLiteral(String ip) {
        if (IPV4.matcher(ip).matches()) {
            return true;
        }
        if (ip.indexOf(':') < 0) {
            return false;
        }
        try {
            Inet6Address.ofLiteral(ip);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** ISO 3166-1 alpha-2 shape in any case ({@code de}, {@code De}). */
    public static boolean isCountryCode(String code) {
        return COUNTRY.matcher(code).matches();
    }
}
