package dev.farthing.keys.pkcs11;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java 25's SunPKCS11 provider has no EdDSA (no CKM_EDDSA, no CKK_EC_EDWARDS), so this binds the few Cryptoki
 * functions Farthing needs directly through the FFM API ({@code java.lang.foreign}). Linux x86-64/aarch64
 * LP64 only: CK_ULONG is 64 bits. Each call is checked and a failure raises {@link Pkcs11Exception}.
 * The JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
final class Pkcs11Library {
    private static final Linker LINKER = Linker.nativeLinker();

    final MethodHandle initialize;
    final MethodHandle getSlotList;
    final MethodHandle getTokenInfo;
    final MethodHandle openSession;
    final MethodHandle closeSession;
    final MethodHandle login;
    final MethodHandle generateKeyPair;
    final MethodHandle getAttributeValue;
    final MethodHandle findObjectsInit;
    final MethodHandle findObjects;
    final MethodHandle findObjectsFinal;
    final MethodHandle signInit;
    final MethodHandle sign;

    private Pkcs11Library(SymbolLookup lib) {
        initialize = bind(lib, "C_Initialize", ADDRESS);
        getSlotList = bind(lib, "C_GetSlotList", JAVA_BYTE, ADDRESS, ADDRESS);
        getTokenInfo = bind(lib, "C_GetTokenInfo", JAVA_LONG, ADDRESS);
        openSession = bind(lib, "C_OpenSession", JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        closeSession = bind(lib, "C_CloseSession", JAVA_LONG);
        login = bind(lib, "C_Login", JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG);
        generateKeyPair = bind(lib, "C_GenerateKeyPair", JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_LONG, ADDRESS, ADDRESS);
        getAttributeValue = bind(lib, "C_GetAttributeValue", JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG);
        findObjectsInit = bind(lib, "C_FindObjectsInit", JAVA_LONG, ADDRESS, JAVA_LONG);
        findObjects = bind(lib, "C_FindObjects", JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS);
        findObjectsFinal = bind(lib, "C_FindObjectsFinal", JAVA_LONG);
        signInit = bind(lib, "C_SignInit", JAVA_LONG, ADDRESS, JAVA_LONG);
        sign = bind(lib, "C_Sign", JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);
    }

    /** Loads the module (e.g. /usr/lib/softhsm/libsofthsm2.so) for the life of the JVM and initialises it. */
    @SuppressWarnings("restricted") // native access is the point; the JVM must allow it (see class comment)
    static Pkcs11Library load(Path module) {
        if (!Files.isReadable(module)) {
            throw new Pkcs11Exception("PKCS#11 module not found: " + module);
        }
        Pkcs11Library library = new Pkcs11Library(SymbolLookup.libraryLookup(module, Arena.global()));
        long rv = library.call("C_Initialize", library.initialize, MemorySegment.NULL);
        if (rv != Ckr.OK && rv != Ckr.CRYPTOKI_ALREADY_INITIALIZED) {
            throw new Pkcs11Exception("C_Initialize", rv);
        }
        return library;
    }

    /** Invokes a bound function and returns its CK_RV. */
    long call(String name, MethodHandle function, Object... args) {
        try {
            return (long) function.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new Pkcs11Exception(name + " threw " + t);
        }
    }

    /** Invokes and requires CKR_OK. */
    void check(String name, MethodHandle function, Object... args) {
        long rv = call(name, function, args);
        if (rv != Ckr.OK) {
            throw new Pkcs11Exception(name, rv);
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle bind(SymbolLookup lib, String name, java.lang.foreign.MemoryLayout... args) {
        MemorySegment symbol = lib.find(name).orElseThrow(() -> new Pkcs11Exception("module lacks " + name));
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(JAVA_LONG, args));
    }
}
