package dev.farthing.server.http.console;

/** Problem codes of the console's login and its cookie-authenticated requests. */
public final class ConsoleProblems {
    /** A state change by session cookie without the session's CSRF token, or from another origin: 403. */
    public static final String CSRF_REFUSED = "csrf_refused";
    /** A valid key whose role does not work in the console (operator): 403. */
    public static final String NOT_A_CONSOLE_ROLE = "not_a_console_role";

    private ConsoleProblems() {
    }
}
