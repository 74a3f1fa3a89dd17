package dev.farthing.settlement.connector.iso20022;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parsing and schema validation with nothing external ever resolved: DOCTYPE declarations are refused outright (so
 * no entity, internal or external, is expanded), external DTDs and schemas are not loaded, XInclude is off, and the
 * JDK's secure-processing limits apply. Documents are validated as DOM trees the hardened parser built, so the
 * validator never parses text itself.
 */
final class SecureXml {
    private static final Map<Iso20022Message, Schema> SCHEMAS = new EnumMap<>(Iso20022Message.class);

    private SecureXml() {
    }

    /** A namespace-aware parser that refuses DTDs and resolves nothing. */
    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings change nothing about the document; validation decides.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
    }

    /** Parses and validates {@code xml}; the message is recognised by the root element's namespace. */
    static Parsed parseAndValidate(byte[] xml, String what) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new InvalidIso20022File(what + " is not acceptable XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidIso20022File(what + " could not be read: " + e.getMessage(), e);
        }
        String ns = doc.getDocumentElement().getNamespaceURI();
        Iso20022Message message = Iso20022Message.ofNamespace(ns);
        if (message == null || !"Document".equals(doc.getDocumentElement().getLocalName())) {
            throw new InvalidIso20022File(what + " is not a message this connector handles (root {" + ns + "}"
                    + doc.getDocumentElement().getLocalName() + ")");
        }
        validate(doc, message, what);
        return new Parsed(message, doc);
    }

    /** A schema-valid document and the message it is. */
    record Parsed(Iso20022Message message, Document document) {
    }

    /** Validates a DOM tree against the message's official schema. */
    static void validate(Document doc, Iso20022Message message, String what) {
        Validator v = schema(message).newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new DOMSource(doc));
        } catch (SAXParseException e) {
            throw new InvalidIso20022File(what + " does not satisfy " + message.id() + ".xsd: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidIso20022File(what + " could not be validated against " + message.id() + ": " + e.getMessage(), e);
        }
    }

    static synchronized Schema schema(Iso20022Message message) {
        return SCHEMAS.computeIfAbsent(message, SecureXml::load);
    }

    private static Schema load(Iso20022Message message) {
        try (InputStream in = SecureXml.class.getResourceAsStream(message.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + message.schemaResource());
            }
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(in, message.schemaResource()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load " + message.schemaResource() + ": " + e.getMessage(), e);
        }
    }
}
