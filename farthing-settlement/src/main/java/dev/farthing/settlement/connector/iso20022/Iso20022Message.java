package dev.farthing.settlement.connector.iso20022;

/** The ISO 20022 messages the bank connector writes or reads, each with its schema (see xsd/README.md). */
public enum Iso20022Message {
    /** Customer credit transfer initiation: the payouts we send the bank. */
    PAIN_001("pain.001.001.12"),
    /** Bank-to-customer statement: the booked entries of a day, the statement of record. */
    CAMT_053("camt.053.001.12"),
    /** Bank-to-customer debit/credit notification: entries as they are booked, used for payout status. */
    CAMT_054("camt.054.001.12");

    private final String id;

    Iso20022Message(String id) {
        this.id = id;
    }

    /** E.g. {@code camt.053.001.12}. */
    public String id() {
        return id;
    }

    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + id;
    }

    String schemaResource() {
        return "xsd/" + id + ".xsd";
    }

    /** The message a document's root namespace declares, or null when it is none of ours. */
    public static Iso20022Message ofNamespace(String namespace) {
        for (Iso20022Message m : values()) {
            if (m.namespace().equals(namespace)) {
                return m;
            }
        }
        return null;
    }
}
