package dev.farthing.simulator.provider;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes bank-to-customer camt.053.001.12 statements and camt.054.001.12 notifications the way a bank would: one
 * report per currency account, entries with their entry reference, the bank's own reference, value and booking
 * dates, an ISO bank transaction code, and the references the customer sent (InstrId, EndToEndId, or
 * {@code NOTPROVIDED} when the bank lost it). Written independently of Farthing's reader on purpose.
 */
public final class CamtWriter {

    /** What an entry books. */
    public enum EntryKind {
        /** A credit transfer out: PMNT/ICDT/ESCT, debit. */
        PAYOUT,
        /** The bank's charge for one: ACMT/MDOP/CHRG, debit. */
        FEE,
        /** A credit transfer coming back: PMNT/ICDT/RRTN, credit. */
        RETURN
    }

    /**
     * One booked entry.
     *
     * @param endToEndId    the payout id sent as EndToEndId, or null (written as NOTPROVIDED)
     * @param instructionId the InstrId sent, or null (not echoed)
     * @param returnReason  an ISO return reason code for a RETURN, else null
     */
    public record Entry(String entryRef, String servicerRef, EntryKind kind, String currency, int scale,
                        long amountMinor, LocalDate bookingDate, LocalDate valueDate, String endToEndId,
                        String instructionId, String returnReason, String info) {
    }

    public static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.12";
    public static final String CAMT_054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.12";

    private CamtWriter() {
    }

    /** A statement: per currency, opening balance {@code opening} (minor units, may be negative) and closing balance. */
    public static byte[] statement(String msgId, Instant createdAt, String iban, Map<String, Long> opening,
                                   List<Entry> entries) {
        return document(CAMT_053, "BkToCstmrStmt", "Stmt", msgId, createdAt, iban, opening, entries);
    }

    public static byte[] notification(String msgId, Instant createdAt, String iban, List<Entry> entries) {
        return document(CAMT_054, "BkToCstmrDbtCdtNtfctn", "Ntfctn", msgId, createdAt, iban, null, entries);
    }

    private static byte[] document(String ns, String rootName, String reportName, String msgId, Instant createdAt,
                                   String iban, Map<String, Long> opening, List<Entry> entries) {
        Map<String, List<Entry>> byCurrency = new TreeMap<>();
        for (Entry e : entries) {
            byCurrency.computeIfAbsent(e.currency(), c -> new ArrayList<>()).add(e);
        }
        if (opening != null) {
            opening.keySet().forEach(c -> byCurrency.computeIfAbsent(c, k -> new ArrayList<>()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Document");
            w.writeDefaultNamespace(ns);
            w.writeStartElement(rootName);
            w.writeStartElement("GrpHdr");
            text(w, "MsgId", msgId);
            text(w, "CreDtTm", created);
            w.writeEndElement();
            int n = 0;
            for (Map.Entry<String, List<Entry>> c : byCurrency.entrySet()) {
                n++;
                w.writeStartElement(reportName);
                text(w, "Id", (msgId.length() > 30 ? msgId.substring(0, 30) : msgId) + "-" + n);
                text(w, "CreDtTm", created);
                w.writeStartElement("Acct");
                w.writeStartElement("Id");
                text(w, "IBAN", iban);
                w.writeEndElement();
                text(w, "Ccy", c.getKey());
                w.writeEndElement();
                if (opening != null) {
                    long open = opening.getOrDefault(c.getKey(), 0L);
                    long close = open;
                    int scale = c.getValue().isEmpty() ? 2 : c.getValue().getFirst().scale();
                    LocalDate day = c.getValue().isEmpty() ? createdAt.atOffset(ZoneOffset.UTC).toLocalDate()
                            : c.getValue().getFirst().bookingDate();
                    for (Entry e : c.getValue()) {
                        close = e.kind() == EntryKind.RETURN ? Math.addExact(close, e.amountMinor())
                                : Math.subtractExact(close, e.amountMinor());
                    }
                    balance(w, "OPBD", c.getKey(), open, scale, day);
                    balance(w, "CLBD", c.getKey(), close, scale, day);
                }
                for (Entry e : c.getValue()) {
                    entry(w, e);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write camt " + msgId, e);
        }
        return out.toByteArray();
    }

    private static void balance(XMLStreamWriter w, String code, String ccy, long amount, int scale, LocalDate day)
            throws XMLStreamException {
        w.writeStartElement("Bal");
        w.writeStartElement("Tp");
        w.writeStartElement("CdOrPrtry");
        text(w, "Cd", code);
        w.writeEndElement();
        w.writeEndElement();
        amount(w, "Amt", ccy, Math.abs(amount), scale);
        text(w, "CdtDbtInd", amount < 0 ? "DBIT" : "CRDT");
        w.writeStartElement("Dt");
        text(w, "Dt", day.toString());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void entry(XMLStreamWriter w, Entry e) throws XMLStreamException {
        boolean credit = e.kind() == EntryKind.RETURN;
        w.writeStartElement("Ntry");
        text(w, "NtryRef", e.entryRef());
        amount(w, "Amt", e.currency(), e.amountMinor(), e.scale());
        text(w, "CdtDbtInd", credit ? "CRDT" : "DBIT");
        w.writeStartElement("Sts");
        text(w, "Cd", "BOOK");
        w.writeEndElement();
        w.writeStartElement("BookgDt");
        text(w, "Dt", e.bookingDate().toString());
        w.writeEndElement();
        w.writeStartElement("ValDt");
        text(w, "Dt", e.valueDate().toString());
        w.writeEndElement();
        text(w, "AcctSvcrRef", e.servicerRef());
        w.writeStartElement("BkTxCd");
        w.writeStartElement("Domn");
        text(w, "Cd", e.kind() == EntryKind.FEE ? "ACMT" : "PMNT");
        w.writeStartElement("Fmly");
        text(w, "Cd", e.kind() == EntryKind.FEE ? "MDOP" : "ICDT");
        text(w, "SubFmlyCd", switch (e.kind()) {
            case PAYOUT -> "ESCT";
            case FEE -> "CHRG";
            case RETURN -> "RRTN";
        });
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("NtryDtls");
        w.writeStartElement("TxDtls");
        w.writeStartElement("Refs");
        if (e.instructionId() != null) {
            text(w, "InstrId", e.instructionId());
        }
        text(w, "EndToEndId", e.endToEndId() == null ? "NOTPROVIDED" : e.endToEndId());
        w.writeEndElement();
        amount(w, "Amt", e.currency(), e.amountMinor(), e.scale());
        text(w, "CdtDbtInd", credit ? "CRDT" : "DBIT");
        if (e.returnReason() != null) {
            w.writeStartElement("RtrInf");
            w.writeStartElement("Rsn");
            text(w, "Cd", e.returnReason());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        if (e.info() != null) {
            text(w, "AddtlNtryInf", e.info());
        }
        w.writeEndElement();
    }

    private static void amount(XMLStreamWriter w, String name, String ccy, long minor, int scale) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute("Ccy", ccy);
        w.writeCharacters(BigDecimal.valueOf(minor, scale).toPlainString());
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
