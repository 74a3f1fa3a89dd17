package dev.farthing.cli;

import java.io.PrintWriter;

/**
 * Prints a freshly minted API key once, framed so it stands out in a scrolling terminal. Keys are stored
 * hashed: this is the only moment the secret exists in readable form.
 */
final class AdminKeyBanner {
    private static final String RULE = "=".repeat(78);

    private AdminKeyBanner() {
    }

    static void printAdminKey(PrintWriter out, String key) {
        print(out, "Admin API key (shown once, store it now): " + key);
    }

    static void print(PrintWriter out, String line) {
        out.println(RULE);
        out.println(line);
        out.println(RULE);
        out.flush();
    }
}
