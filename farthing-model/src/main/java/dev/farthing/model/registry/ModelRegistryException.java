package dev.farthing.model.registry;

/** A registry request that cannot be honoured; {@link #code()} is a stable snake_case reason. */
public final class ModelRegistryException extends IllegalArgumentException {

    private final String code;

    public ModelRegistryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
