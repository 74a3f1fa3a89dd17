package dev.farthing.keys.pkcs11;

/** A PKCS#11 call that returned an error; {@link #returnValue()} is the CKR_ code. */
public final class Pkcs11Exception extends RuntimeException {
    private final long returnValue;

    public Pkcs11Exception(String function, long returnValue) {
        super(function + " failed: " + Ckr.name(returnValue) + " (0x" + Long.toHexString(returnValue) + ")");
        this.returnValue = returnValue;
    }

    public Pkcs11Exception(String message) {
        super(message);
        this.returnValue = -1;
    }

    public long returnValue() {
        return returnValue;
    }
}
