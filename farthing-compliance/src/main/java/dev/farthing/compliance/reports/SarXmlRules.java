package dev.farthing.compliance.reports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The SAR XML rules checkable offline: no element text with leading or trailing spaces or control characters
 * (line breaks allowed only in the narrative), dates as YYYYMMDD, the form type SARX, and the required parties
 * (transmitter 35, transmitter contact 37, filing institution 30, at least one subject 33), a suspicious activity
 * with its start date, and a narrative of 1..17,000 characters.
 */
public final class SarXmlRules {
    private static final int MAX_NARRATIVE = 17_000;

    private SarXmlRules() {}

    /** Trims and drops control characters (keeping line breaks in a narrative). */
    static String clean(String text, boolean narrative) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(narrative && c == '\n')) continue;
            sb.append(c);
        }
        return sb.toString().strip();
    }

    /** The rules the document breaks, in words; empty when it keeps them all. */
    public static List<String> check(String xml) {
        List<String> broken = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        List<String> partyTypes = new ArrayList<>();
        String narrative = null;
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            String element = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    element = r.getLocalName();
                    counts.merge(element, 1, Integer::sum);
                    text.setLength(0);
                } else if (ev == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    String value = text.toString();
                    if (name.equals(element)) {
                        check(name, value, broken);
                        if (name.equals("ActivityPartyTypeCode")) partyTypes.add(value);
                        if (name.equals("NarrativeText")) narrative = value;
                        if (name.equals("FormTypeCode") && !value.equals("SARX")) broken.add("FormTypeCode must be SARX");
                    }
                    element = null;
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            broken.add("not well-formed XML: " + e.getMessage());
            return broken;
        }
        for (String required : List.of("EFilingBatchXML", "FormTypeCode", "Activity", "SuspiciousActivity",
                "SuspiciousActivityFromDateText", "FilingDateText", "ActivityNarrativeInformation")) {
            if (!counts.containsKey(required)) broken.add("required element " + required + " is missing");
        }
        for (String[] party : new String[][] {{"35", "transmitter"}, {"37", "transmitter contact"},
                {"30", "filing institution"}, {"33", "subject"}}) {
            if (!partyTypes.contains(party[0])) broken.add("a " + party[1] + " party (type " + party[0] + ") is required");
        }
        if (narrative == null || narrative.isEmpty()) broken.add("the narrative is required");
        else if (narrative.length() > MAX_NARRATIVE) broken.add("the narrative is longer than " + MAX_NARRATIVE + " characters");
        return broken;
    }

    private static void check(String element, String value, List<String> broken) {
        if (value.isEmpty()) return;
        if (!value.equals(value.strip())) broken.add(element + " has leading or trailing spaces");
        boolean narrative = element.equals("NarrativeText");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(narrative && c == '\n')) {
                broken.add(element + " contains a control character (U+" + String.format("%04X", (int) c) + ")");
                break;
            }
        }
        if (element.endsWith("DateText") && !value.matches("\\d{8}")) broken.add(element + " must be YYYYMMDD");
    }
}
