package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A small element tree for one list record, read with StAX so the whole document is never held as a DOM. */
record XmlNode(String name, String text, List<XmlNode> children) {

    /** Reads the element the reader is positioned on (START_ELEMENT) and leaves it on its END_ELEMENT. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        List<XmlNode> children = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> { return new XmlNode(name, text.toString().strip(), children); }
                default -> { }
            }
        }
        throw new XMLStreamException("document ended inside <" + name + ">");
    }

    List<XmlNode> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child of that name, "" if none. */
    String text(String childName) {
        for (XmlNode c : children) if (c.name.equals(childName)) return c.text;
        return "";
    }

    /** Texts of the VALUE children of every child of that name (the UN list's repeated-value layout). */
    List<String> values(String childName) {
        List<String> out = new ArrayList<>();
        for (XmlNode c : all(childName)) {
            for (XmlNode v : c.all("VALUE")) if (!v.text.isEmpty()) out.add(v.text);
        }
        return out;
    }
}
