package dev.farthing.client.twoway;

/** The state file fails its checksums somewhere other than a torn last record: never guessed past. */
public final class StateFileCorruptException extends RuntimeException {
    public StateFileCorruptException(String detail) {
        super("state_file_corrupt: " + detail);
    }

    public String code() {
        return "state_file_corrupt";
    }
}
