package dev.farthing.keys.pkcs11;

/** The PKCS#11 v3.0 constants this module uses (values from pkcs11t.h). */
final class Ckr {
    static final long OK = 0x0;
    static final long ATTRIBUTE_SENSITIVE = 0x11;
    static final long CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    static final long USER_ALREADY_LOGGED_IN = 0x100;
    static final long PIN_INCORRECT = 0xA0;

    static final long CKF_RW_SESSION = 0x2;
    static final long CKF_SERIAL_SESSION = 0x4;
    static final long CKU_USER = 1;

    static final long CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
    static final long CKM_EDDSA = 0x1057;

    static final long CKA_CLASS = 0x0;
    static final long CKA_TOKEN = 0x1;
    static final long CKA_PRIVATE = 0x2;
    static final long CKA_LABEL = 0x3;
    static final long CKA_VALUE = 0x11;
    static final long CKA_ID = 0x102;
    static final long CKA_SENSITIVE = 0x103;
    static final long CKA_SIGN = 0x108;
    static final long CKA_VERIFY = 0x10A;
    static final long CKA_EXTRACTABLE = 0x162;
    static final long CKA_EC_PARAMS = 0x180;
    static final long CKA_EC_POINT = 0x181;

    static final long CKO_PUBLIC_KEY = 2;
    static final long CKO_PRIVATE_KEY = 3;

    /** DER of OID 1.3.101.112 (id-Ed25519), the CKA_EC_PARAMS of an Ed25519 key. */
    static final byte[] ED25519_PARAMS = {0x06, 0x03, 0x2B, 0x65, 0x70};

    private Ckr() {
    }

    static String name(long rv) {
        if (rv == OK) {
            return "CKR_OK";
        } else if (rv == ATTRIBUTE_SENSITIVE) {
            return "CKR_ATTRIBUTE_SENSITIVE";
        } else if (rv == PIN_INCORRECT) {
            return "CKR_PIN_INCORRECT";
        } else if (rv == 0x70) {
            return "CKR_MECHANISM_INVALID";
        } else if (rv == 0x101) {
            return "CKR_USER_NOT_LOGGED_IN";
        } else if (rv == 0xE0) {
            return "CKR_TOKEN_NOT_PRESENT";
        }
        return "CKR_0x" + Long.toHexString(rv);
    }
}
