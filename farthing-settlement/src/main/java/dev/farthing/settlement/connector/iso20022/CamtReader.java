package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.StatementLine;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the booked entries of a camt.053 statement or camt.054 notification (already parsed and schema-valid) into
 * statement lines. A DBIT entry is a payout, or a fee when its bank transaction code's sub-family is CHRG; a CRDT
 * entry is money coming back (a return). Entries not booked (status other than BOOK) are skipped. An entry with
 * several transaction details (a batch booking) becomes one line per transaction, each with its own amount.
 */
public final class CamtReader {

    /**
     * One booked line, plus what the statement line has no room for.
     *
     * @param instructionId the InstrId we sent (our idempotency key), when the bank echoes it
     * @param returnReason  the ISO return reason code of a return, else null
     */
    public record BankEntry(StatementLine line, String instructionId, String returnReason, Iso20022Message source) {
    }

    private CamtReader() {
    }

    /**
     * Reads a camt.053 or camt.054 file (an uploaded statement, say) with every check the inbox applies: DTDs refused,
     * schema-valid, amounts exact in the currency's scale. Throws {@link InvalidIso20022File} (or
     * {@link IllegalArgumentException} for an amount) for anything else, naming {@code name}.
     */
    public static List<BankEntry> read(byte[] xml, String name) {
        return entries(SecureXml.parseAndValidate(xml, name));
    }

    static List<BankEntry> entries(SecureXml.Parsed parsed) {
        if (parsed.message() == Iso20022Message.PAIN_001) {
            throw new InvalidIso20022File("a pain.001 carries no booked entries");
        }
        Element root = child(parsed.document().getDocumentElement(),
                parsed.message() == Iso20022Message.CAMT_053 ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
        String reportName = parsed.message() == Iso20022Message.CAMT_053 ? "Stmt" : "Ntfctn";
        List<BankEntry> out = new ArrayList<>();
        for (Element report : children(root, reportName)) {
            String reportId = text(child(report, "Id"));
            int n = 0;
            for (Element entry : children(report, "Ntry")) {
                n++;
                entry(parsed.message(), reportId, n, entry, out);
            }
        }
        return out;
    }

    private static void entry(Iso20022Message source, String reportId, int index, Element ntry, List<BankEntry> out) {
        Element sts = child(ntry, "Sts");
        if (!"BOOK".equals(text(child(sts, "Cd")))) {
            return;
        }
        Element amt = child(ntry, "Amt");
        String currency = amt.getAttribute("Ccy");
        String direction = text(child(ntry, "CdtDbtInd"));
        String entryRef = text(child(ntry, "NtryRef"));
        String servicerRef = text(child(ntry, "AcctSvcrRef"));
        String lineId = entryRef != null ? entryRef : servicerRef != null ? servicerRef : reportId + "#" + index;
        LocalDate valueDate = date(child(ntry, "ValDt"));
        if (valueDate == null) {
            valueDate = date(child(ntry, "BookgDt"));
        }
        if (valueDate == null) {
            throw new InvalidIso20022File("entry " + lineId + " has neither value nor booking date");
        }
        StatementLine.Kind kind = "CRDT".equals(direction) ? StatementLine.Kind.RETURN_CREDIT
                : "CHRG".equals(subFamily(child(ntry, "BkTxCd"))) ? StatementLine.Kind.FEE
                : StatementLine.Kind.PAYOUT_DEBIT;
        String info = text(child(ntry, "AddtlNtryInf"));
        List<Element> txs = new ArrayList<>();
        for (Element details : children(ntry, "NtryDtls")) {
            txs.addAll(children(details, "TxDtls"));
        }
        if (txs.size() <= 1) {
            Element tx = txs.isEmpty() ? null : txs.getFirst();
            out.add(line(source, lineId, servicerRef, kind, currency, Amounts.toMinor(amt.getTextContent(), currency),
                    valueDate, info, tx));
            return;
        }
        long sum = 0;
        int i = 0;
        for (Element tx : txs) {
            i++;
            Element txAmt = child(tx, "Amt");
            if (txAmt == null) {
                throw new InvalidIso20022File("batch entry " + lineId + " has a transaction without an amount");
            }
            if (!currency.equals(txAmt.getAttribute("Ccy"))) {
                throw new InvalidIso20022File("batch entry " + lineId + " mixes currencies");
            }
            long amount = Amounts.toMinor(txAmt.getTextContent(), currency);
            sum = Math.addExact(sum, amount);
            out.add(line(source, lineId + "/" + i, servicerRef, kind, currency, amount, valueDate, info, tx));
        }
        if (sum != Amounts.toMinor(amt.getTextContent(), currency)) {
            throw new InvalidIso20022File("batch entry " + lineId + ": transactions sum to " + sum
                    + " minor units, the entry says " + amt.getTextContent());
        }
    }

    private static BankEntry line(Iso20022Message source, String lineId, String servicerRef, StatementLine.Kind kind,
                                  String currency, long amountMinor, LocalDate valueDate, String info, Element tx) {
        String endToEnd = null;
        String instrId = null;
        String reason = null;
        String description = info;
        if (tx != null) {
            Element refs = child(tx, "Refs");
            endToEnd = text(child(refs, "EndToEndId"));
            instrId = text(child(refs, "InstrId"));
            Element rtr = child(tx, "RtrInf");
            reason = text(child(child(rtr, "Rsn"), "Cd"));
            Element rmt = child(tx, "RmtInf");
            String ustrd = text(child(rmt, "Ustrd"));
            if (description == null) {
                description = ustrd;
            }
        }
        if ("NOTPROVIDED".equals(endToEnd)) {
            endToEnd = null; // the ISO convention for "the bank lost it"
        }
        if (amountMinor <= 0) {
            throw new InvalidIso20022File("entry " + lineId + " books a non-positive amount");
        }
        StatementLine line = new StatementLine(lineId, endToEnd, servicerRef, kind, currency, amountMinor, valueDate,
                description == null ? "" : description);
        return new BankEntry(line, instrId, reason, source);
    }

    private static String subFamily(Element bkTxCd) {
        return text(child(child(child(bkTxCd, "Domn"), "Fmly"), "SubFmlyCd"));
    }

    private static LocalDate date(Element dateChoice) {
        if (dateChoice == null) {
            return null;
        }
        String d = text(child(dateChoice, "Dt"));
        if (d != null) {
            return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d); // xs:date may carry a zone
        }
        String dt = text(child(dateChoice, "DtTm"));
        return dt == null ? null : LocalDate.parse(dt.substring(0, 10)); // the bank's own date, zone or not
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}
