package dev.farthing.compliance.reports;

import dev.farthing.compliance.cases.Case;
import dev.farthing.compliance.monitoring.Alert;
import dev.farthing.compliance.monitoring.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Report drafts built from a case's facts: a SAR (activity dates, total, activity type and a narrative listing
 * every alert with its reason, then the analysts' notes) and a CTR-style list of the cash-equivalent days over the
 * threshold. Amounts on the SAR are whole US dollars of the USD alerts (alerts sharing transfers counted once, the
 * larger); other currencies are named in the narrative, not converted.
 */
public final class CaseReports {
    /** Who files: the institution (and its TIN, may be null), the contact person and the contact office. */
    public record Filer(String institution, String tin, String contactPerson, String contactOffice) {
    }

    /**
     * FinCEN activity (type id, subtype id) per scenario: structuring 106/1601 (as the project's SAR tests use);
     * every other scenario "money laundering, other" 6/699 until the filing team maps it to FinCEN's current table.
     */
    public static final Map<Scenario, int[]> ACTIVITY_CODES;

    static {
        Map<Scenario, int[]> codes = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) codes.put(s, new int[] {6, 699});
        codes.put(Scenario.STRUCTURING, new int[] {106, 1601});
        ACTIVITY_CODES = Map.copyOf(codes);
    }

    private CaseReports() {
    }

    public static SarDraft sar(Case c, Filer filer, String subjectName, LocalDate filingDate) {
        List<Alert> alerts = c.alerts();
        LocalDate from = alerts.stream().map(a -> day(a.windowFrom())).min(Comparator.naturalOrder()).orElse(day(c.detectedAt()));
        LocalDate to = alerts.stream().map(a -> day(a.windowTo())).max(Comparator.naturalOrder()).orElse(from);
        Map<Scenario, Integer> count = new EnumMap<>(Scenario.class);
        alerts.forEach(a -> count.merge(a.scenario(), 1, Integer::sum));
        Scenario main = count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        int[] code = main == null ? new int[] {6, 699} : ACTIVITY_CODES.get(main);
        StringBuilder n = new StringBuilder().append("Case ").append(c.id()).append(" on ").append(c.subject())
                .append(": ").append(alerts.size()).append(" monitoring alert(s) from ").append(from).append(" to ").append(to).append(".\n");
        for (Alert a : alerts) {
            n.append("- ").append(a.scenario().wire()).append(" (rules ").append(a.rulesVersion()).append(", alert ")
                    .append(a.id()).append("): ").append(a.reason()).append(".\n");
        }
        for (Case.Note note : c.notes()) n.append("Note by ").append(note.author()).append(": ").append(note.text()).append("\n");
        return new SarDraft(new SarDraft.Party(filer.institution(), filer.tin()), new SarDraft.Party(filer.contactPerson(), null),
                new SarDraft.Party(filer.institution(), filer.tin()), new SarDraft.Party(filer.contactOffice(), null),
                List.of(new SarDraft.Party(subjectName, null)), from, to, usdTotal(alerts), code[0], code[1], n.toString(), filingDate);
    }

    /** Whole dollars of the USD alerts; an alert that shares a transfer with a larger one already counted is skipped. */
    static long usdTotal(List<Alert> alerts) {
        List<Alert> usd = new ArrayList<>(alerts.stream().filter(a -> a.currency().equals("USD")).toList());
        usd.sort(Comparator.comparingLong(Alert::amountMinor).reversed());
        Set<String> counted = new HashSet<>();
        long cents = 0;
        for (Alert a : usd) {
            if (a.transferIds().stream().anyMatch(counted::contains)) continue;
            counted.addAll(a.transferIds());
            cents = Math.addExact(cents, a.amountMinor());
        }
        return cents / 100;
    }

    /** One CTR line per subject, day and currency from the case's cash alerts (totals as of the alert). */
    public record CtrLine(String subject, LocalDate day, String currency, long cashIn, long cashOut, List<String> transferIds) {
        public CtrLine {
            transferIds = List.copyOf(transferIds);
        }
    }

    public static List<CtrLine> ctr(Case c) {
        Map<String, long[]> totals = new java.util.TreeMap<>();
        Map<String, List<String>> transfers = new java.util.HashMap<>();
        for (Alert a : c.alerts()) {
            if (a.scenario() != Scenario.CASH_THRESHOLD) continue;
            String key = day(a.windowTo()) + "|" + a.currency();
            long[] t = totals.computeIfAbsent(key, k -> new long[2]);
            int side = a.direction().equals("in") ? 0 : 1;
            t[side] = Math.max(t[side], a.amountMinor());
            transfers.computeIfAbsent(key, k -> new ArrayList<>()).addAll(a.transferIds());
        }
        List<CtrLine> lines = new ArrayList<>();
        totals.forEach((key, t) -> {
            int bar = key.indexOf('|');
            lines.add(new CtrLine(c.subject(), LocalDate.parse(key.substring(0, bar)), key.substring(bar + 1), t[0], t[1],
                    transfers.get(key)));
        });
        return lines;
    }

    private static LocalDate day(long ns) {
        return day(Instant.EPOCH.plusNanos(ns));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
