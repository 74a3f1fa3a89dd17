package dev.farthing.channels;

/** One-way (XRPL PayChan: payer signs cumulative claims) or two-way (signed states, revocation, penalty). */
public enum ChannelKind {
    ONE_WAY, TWO_WAY;

    public String wire() {
        return this == ONE_WAY ? "one_way" : "two_way";
    }

    public static ChannelKind fromWire(String s) {
        for (ChannelKind k : values()) {
            if (k.wire().equals(s)) {
                return k;
            }
        }
        throw ChannelException.invalid("kind must be \"one_way\" or \"two_way\"");
    }
}
