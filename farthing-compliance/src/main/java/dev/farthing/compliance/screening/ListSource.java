package dev.farthing.compliance.screening;

/** The published list a sanctions entry comes from; {@link #wireName()} is its name in the API. */
public enum ListSource {
    OFAC_SDN("ofac_sdn"),
    UN("un");

    private final String wireName;

    ListSource(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }
}
