package dev.farthing.compliance.reports;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a SAR draft as FinCEN's EFilingBatchXML (form type SARX, namespace {@code www.fincen.gov/base}) with the
 * party type codes of the SAR XML user guide: 35 transmitter, 37 transmitter contact, 30 filing institution,
 * 8 contact office, 33 subject. Text is trimmed and control characters are removed before writing, then the
 * result is checked by {@link SarXmlRules}; a draft that breaks a rule is refused, not written.
 */
public final class SarXml {
    static final String NS = "www.fincen.gov/base";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private SarXml() {}

    public static String write(SarDraft d) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("fc2", "EFilingBatchXML", NS);
            w.writeNamespace("fc2", NS);
            w.writeAttribute("ActivityCount", "1");
            text(w, "FormTypeCode", "SARX");
            w.writeStartElement("fc2", "Activity", NS);
            w.writeAttribute("SeqNum", "1");
            w.writeStartElement("fc2", "ActivityAssociation", NS);
            w.writeAttribute("SeqNum", "2");
            text(w, "InitialReportIndicator", "Y");
            w.writeEndElement();
            int seq = 3;
            seq = party(w, seq, 35, d.transmitter());
            seq = party(w, seq, 37, d.transmitterContact());
            seq = party(w, seq, 30, d.filingInstitution());
            seq = party(w, seq, 8, d.contactOffice());
            for (SarDraft.Party subject : d.subjects()) seq = party(w, seq, 33, subject);
            w.writeStartElement("fc2", "SuspiciousActivity", NS);
            w.writeAttribute("SeqNum", Integer.toString(seq++));
            text(w, "SuspiciousActivityFromDateText", date(d.activityFrom()));
            text(w, "SuspiciousActivityToDateText", date(d.activityTo()));
            text(w, "TotalSuspiciousAmountText", Long.toString(d.totalAmountUsd()));
            w.writeStartElement("fc2", "SuspiciousActivityClassification", NS);
            w.writeAttribute("SeqNum", Integer.toString(seq++));
            text(w, "SuspiciousActivitySubtypeID", Integer.toString(d.activitySubtypeId()));
            text(w, "SuspiciousActivityTypeID", Integer.toString(d.activityTypeId()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("fc2", "ActivityNarrativeInformation", NS);
            w.writeAttribute("SeqNum", Integer.toString(seq));
            text(w, "ActivityNarrativeSequenceNumber", "1");
            text(w, "NarrativeText", SarXmlRules.clean(d.narrative(), true));
            w.writeEndElement();
            text(w, "FilingDateText", date(d.filingDate()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing SAR XML", e);
        }
        String xml = out.toString();
        java.util.List<String> broken = SarXmlRules.check(xml);
        if (!broken.isEmpty()) throw new IllegalArgumentException("the SAR draft breaks the filing rules: " + broken);
        return xml;
    }

    private static int party(XMLStreamWriter w, int seq, int typeCode, SarDraft.Party p) throws XMLStreamException {
        w.writeStartElement("fc2", "Party", NS);
        w.writeAttribute("SeqNum", Integer.toString(seq++));
        text(w, "ActivityPartyTypeCode", Integer.toString(typeCode));
        w.writeStartElement("fc2", "PartyName", NS);
        w.writeAttribute("SeqNum", Integer.toString(seq++));
        text(w, "PartyNameTypeCode", "L");
        text(w, "RawPartyFullName", SarXmlRules.clean(p.fullName(), false));
        w.writeEndElement();
        if (p.tin() != null) {
            w.writeStartElement("fc2", "PartyIdentification", NS);
            w.writeAttribute("SeqNum", Integer.toString(seq++));
            text(w, "PartyIdentificationNumberText", SarXmlRules.clean(p.tin(), false));
            text(w, "PartyIdentificationTypeCode", "4");
            w.writeEndElement();
        }
        w.writeEndElement();
        return seq;
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement("fc2", element, NS);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static String date(LocalDate d) { return d.format(DATE); }
}
