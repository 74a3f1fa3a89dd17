package dev.farthing.server.http.settlement;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Times;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.service.BatchView;
import dev.farthing.settlement.service.ImportReport;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settlement's JSON: payouts, batches, payees, statements and exceptions, strict where money is. */
final class SettlementJson {
    private SettlementJson() {
    }

    record Statement(String id, String provider, List<StatementLine> lines) {
    }

    static void batch(JsonGenerator g, BatchView b) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("trigger", b.trigger());
        g.writeStringField("created_at", Times.format(b.at()));
        g.writeArrayFieldStart("payouts");
        for (Payout p : b.payouts()) payout(g, p);
        g.writeEndArray();
        g.writeArrayFieldStart("released_files");
        for (String f : b.releasedFiles()) g.writeString(f);
        g.writeEndArray();
        g.writeEndObject();
    }

    static void payout(JsonGenerator g, Payout p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("batch_id", p.batchId());
        g.writeStringField("payee", p.payeeId());
        g.writeStringField("account", p.account());
        g.writeStringField("currency", p.currency());
        g.writeNumberField("amount", p.minorAmount());
        g.writeNumberField("scale", p.minorScale());
        g.writeNumberField("ledger_amount", p.ledgerAmount());
        g.writeStringField("status", p.status().wire());
        g.writeStringField("provider", p.activeProvider());
        g.writeStringField("provider_reference", p.providerReference());
        g.writeNumberField("fee", p.feeMinor());
        g.writeStringField("value_date", p.valueDate());
        g.writeStringField("failure", p.failure());
        g.writeStringField("created_at", Times.format(p.createdAt()));
        if (p.fx() == null) {
            g.writeNullField("fx");
        } else { // the quote it was planned with: converted at this rate when paid
            g.writeObjectFieldStart("fx");
            g.writeStringField("source_currency", p.fx().sourceCurrency());
            g.writeStringField("rate", p.fx().rate());
            g.writeStringField("rate_source", p.fx().rateSource());
            g.writeStringField("rate_as_of", Times.format(p.fx().rateAsOfNanos()));
            g.writeNumberField("spread_bps", p.fx().spreadBps());
            g.writeNumberField("credited_ledger", p.fx().creditedLedger());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("netting");
        for (Map.Entry<String, Long> e : p.netting().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeArrayFieldStart("attempts");
        for (Attempt a : p.attempts()) {
            g.writeStartObject();
            g.writeNumberField("number", a.number());
            g.writeStringField("provider", a.provider());
            g.writeStringField("idempotency_key", a.idempotencyKey());
            g.writeStringField("outcome", a.outcome());
            g.writeStringField("reason", a.reason());
            g.writeStringField("detail", a.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void payee(JsonGenerator g, Payee p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("account", p.account());
        g.writeStringField("currency", p.currency());
        g.writeStringField("country", p.country());
        g.writeStringField("beneficiary_name", p.beneficiaryName());
        g.writeStringField("beneficiary_account", p.beneficiaryAccount());
        g.writeStringField("payout_currency", p.payoutCurrency());
        g.writeNumberField("fx_spread_bps", p.fxSpreadBps());
        g.writeObjectFieldStart("schedule");
        g.writeStringField("kind", p.schedule().kind().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("threshold", p.schedule().thresholdMinor());
        g.writeNumberField("minimum", p.schedule().minimumMinor());
        g.writeNumberField("reserve_bps", p.schedule().reserveBps());
        g.writeEndObject();
        g.writeEndObject();
    }

    static Payee readPayee(JsonIn in, String id) {
        in.startObject("");
        String account = null, currency = null, country = null, name = null, beneficiary = null, payoutCurrency = null;
        long spread = 0;
        Schedule schedule = null;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "account" -> account = in.string("account");
                case "currency" -> currency = in.string("currency");
                case "country" -> country = in.string("country");
                case "beneficiary_name" -> name = in.string("beneficiary_name");
                case "beneficiary_account" -> beneficiary = in.string("beneficiary_account");
                case "schedule" -> schedule = readSchedule(in);
                case "payout_currency" -> payoutCurrency = in.optionalString("payout_currency");
                case "fx_spread_bps" -> spread = in.nonNegative("fx_spread_bps", 9_999);
                default -> throw in.unknownField(f);
            }
        }
        if (account == null || currency == null || country == null || name == null || beneficiary == null || schedule == null) {
            throw ApiException.invalid("account, currency, country, beneficiary_name, beneficiary_account and schedule are required");
        }
        try {
            return new Payee(id, account, currency, country, name, beneficiary, schedule, payoutCurrency, (int) spread);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private static Schedule readSchedule(JsonIn in) {
        in.startObject("schedule");
        String kind = null;
        long threshold = 0, minimum = 0, reserve = 0;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "kind" -> kind = in.string("schedule.kind");
                case "threshold" -> threshold = in.nonNegative("schedule.threshold", Long.MAX_VALUE);
                case "minimum" -> minimum = in.nonNegative("schedule.minimum", Long.MAX_VALUE);
                case "reserve_bps" -> reserve = in.nonNegative("schedule.reserve_bps", 10_000);
                default -> throw in.unknownField("schedule." + f);
            }
        }
        if (kind == null) throw ApiException.invalid("schedule.kind is required (daily, weekly or threshold)");
        try {
            return new Schedule(Schedule.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), threshold, minimum, (int) reserve);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("schedule: " + e.getMessage());
        }
    }

    static Statement readStatement(JsonIn in) {
        in.startObject("");
        String id = null, provider = null;
        List<StatementLine> lines = null;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "id" -> id = in.string("id");
                case "provider" -> provider = in.string("provider");
                case "lines" -> {
                    if (!in.isArrayStart()) throw in.invalid("lines", "must be an array");
                    lines = new ArrayList<>();
                    while (in.nextElement()) lines.add(readLine(in, "lines[" + lines.size() + "]"));
                }
                default -> throw in.unknownField(f);
            }
        }
        if (id == null || provider == null || lines == null) throw ApiException.invalid("id, provider and lines are required");
        return new Statement(id, provider, lines);
    }

    private static StatementLine readLine(JsonIn in, String where) {
        in.startObject(where);
        String lineId = null, e2e = null, ref = null, currency = null, date = null, description = null;
        StatementLine.Kind kind = null;
        long amount = 0;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            String field = where + "." + f;
            switch (f) {
                case "line_id" -> lineId = in.string(field);
                case "end_to_end_reference" -> e2e = in.optionalString(field);
                case "provider_reference" -> ref = in.optionalString(field);
                case "kind" -> {
                    String k = in.string(field);
                    try {
                        kind = StatementLine.Kind.valueOf(k.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw in.invalid(field, "must be payout_debit, fee or return_credit");
                    }
                }
                case "currency" -> currency = in.string(field);
                case "amount" -> amount = in.amount(field);
                case "value_date" -> date = in.string(field);
                case "description" -> description = in.optionalString(field);
                default -> throw in.unknownField(field);
            }
        }
        if (lineId == null || kind == null || currency == null || date == null || amount == 0) {
            throw ApiException.invalid(where + " needs line_id, kind, currency, amount and value_date");
        }
        try {
            return new StatementLine(lineId, e2e, ref, kind, currency, amount, LocalDate.parse(date), description);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(where + ".value_date must be YYYY-MM-DD");
        }
    }

    static void report(JsonGenerator g, ImportReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("statement_id", r.statementId());
        g.writeStringField("provider", r.provider());
        g.writeNumberField("lines", r.lines());
        g.writeNumberField("matched", r.matched());
        g.writeNumberField("adjusted", r.adjusted());
        g.writeNumberField("duplicates", r.duplicates());
        g.writeArrayFieldStart("exceptions");
        for (ReconException e : r.exceptions()) exception(g, e);
        g.writeEndArray();
        g.writeEndObject();
    }

    static void exception(JsonGenerator g, ReconException e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("code", e.code());
        g.writeStringField("provider", e.provider());
        g.writeStringField("statement_id", e.statementId());
        g.writeStringField("line_id", e.lineId());
        g.writeStringField("payout_id", e.payoutId());
        g.writeStringField("explanation", e.explanation());
        g.writeStringField("raised_at", Times.format(e.at()));
        g.writeEndObject();
    }
}
