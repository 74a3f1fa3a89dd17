package dev.farthing.cli;

/**
 * The process exit statuses every command uses. Usage errors get 64 (sysexits' EX_USAGE) rather than
 * picocli's default 2, because 2 is reserved for "verification failed": scripts must be able to tell a
 * typo from a damaged ledger.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int VERIFY_FAILED = 2;
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
