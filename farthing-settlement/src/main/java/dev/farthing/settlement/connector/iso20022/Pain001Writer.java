package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.PayoutInstruction;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one pain.001.001.12 credit transfer initiation for a batch of payouts with one execution date: one payment
 * information block per currency, each payout a transaction whose InstrId is its idempotency key and whose
 * EndToEndId is its payout id (so statements come back referencing it). The result is validated against the
 * schema before anyone can write it anywhere.
 */
final class Pain001Writer {
    static final String IBAN_PATTERN = "[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}";

    private Pain001Writer() {
    }

    static byte[] write(String msgId, Instant createdAt, LocalDate executionDate, BankAccount debtor,
                        List<PayoutInstruction> payouts) {
        if (payouts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one payout");
        }
        Map<String, List<PayoutInstruction>> byCurrency = new TreeMap<>();
        for (PayoutInstruction p : payouts) {
            byCurrency.computeIfAbsent(p.currency(), c -> new java.util.ArrayList<>()).add(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Document");
            w.writeDefaultNamespace(Iso20022Message.PAIN_001.namespace());
            w.writeStartElement("CstmrCdtTrfInitn");
            w.writeStartElement("GrpHdr");
            text(w, "MsgId", msgId);
            text(w, "CreDtTm", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            text(w, "NbOfTxs", Integer.toString(payouts.size()));
            text(w, "CtrlSum", controlSum(payouts).toPlainString());
            w.writeStartElement("InitgPty");
            text(w, "Nm", debtor.holderName());
            w.writeEndElement();
            w.writeEndElement(); // GrpHdr
            for (Map.Entry<String, List<PayoutInstruction>> e : byCurrency.entrySet()) {
                paymentInformation(w, msgId + "-" + e.getKey(), executionDate, debtor, e.getValue());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write pain.001 " + msgId, e);
        }
        byte[] xml = out.toByteArray();
        SecureXml.parseAndValidate(xml, "pain.001 " + msgId);
        return xml;
    }

    private static void paymentInformation(XMLStreamWriter w, String pmtInfId, LocalDate executionDate,
                                           BankAccount debtor, List<PayoutInstruction> payouts) throws XMLStreamException {
        w.writeStartElement("PmtInf");
        text(w, "PmtInfId", pmtInfId);
        text(w, "PmtMtd", "TRF");
        // One debit per payout, so each comes back on the statement with its own end-to-end reference.
        text(w, "BtchBookg", "false");
        text(w, "NbOfTxs", Integer.toString(payouts.size()));
        text(w, "CtrlSum", controlSum(payouts).toPlainString());
        w.writeStartElement("ReqdExctnDt");
        text(w, "Dt", executionDate.toString());
        w.writeEndElement();
        w.writeStartElement("Dbtr");
        text(w, "Nm", debtor.holderName());
        w.writeEndElement();
        w.writeStartElement("DbtrAcct");
        w.writeStartElement("Id");
        text(w, "IBAN", debtor.iban());
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("DbtrAgt");
        w.writeStartElement("FinInstnId");
        text(w, "BICFI", debtor.bic());
        w.writeEndElement();
        w.writeEndElement();
        text(w, "ChrgBr", "SLEV");
        for (PayoutInstruction p : payouts) {
            transaction(w, p);
        }
        w.writeEndElement();
    }

    private static void transaction(XMLStreamWriter w, PayoutInstruction p) throws XMLStreamException {
        w.writeStartElement("CdtTrfTxInf");
        w.writeStartElement("PmtId");
        text(w, "InstrId", p.idempotencyKey());
        text(w, "EndToEndId", p.payoutId());
        w.writeEndElement();
        w.writeStartElement("Amt");
        w.writeStartElement("InstdAmt");
        w.writeAttribute("Ccy", p.currency());
        w.writeCharacters(Amounts.toDecimal(p.amountMinor(), p.scale()));
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("CdtrAgt");
        w.writeStartElement("FinInstnId");
        w.writeStartElement("PstlAdr");
        text(w, "Ctry", p.country());
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("Cdtr");
        text(w, "Nm", p.beneficiaryName().length() > 140 ? p.beneficiaryName().substring(0, 140) : p.beneficiaryName());
        w.writeEndElement();
        w.writeStartElement("CdtrAcct");
        w.writeStartElement("Id");
        if (p.beneficiaryAccount().matches(IBAN_PATTERN)) {
            text(w, "IBAN", p.beneficiaryAccount());
        } else {
            w.writeStartElement("Othr");
            text(w, "Id", p.beneficiaryAccount());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("RmtInf");
        text(w, "Ustrd", "Farthing payout " + p.payoutId());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static java.math.BigDecimal controlSum(List<PayoutInstruction> payouts) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (PayoutInstruction p : payouts) {
            sum = sum.add(java.math.BigDecimal.valueOf(p.amountMinor(), p.scale()));
        }
        return sum;
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
