package dev.farthing.watchtower.follow;

/**
 * A place in the follower where tests inject a crash. A crash is an {@link Error} thrown from
 * {@link #reached}: the follower thread dies on the spot, without saving its cursor, exactly as if the
 * process were killed there.
 */
@FunctionalInterface
public interface CrashPoint {
    /** The tower has matched and opened a blob for a close, and has not submitted the penalty yet. */
    String BEFORE_SUBMIT = "before_submit";
    /** The penalty landed; the cursor is not yet saved. */
    String BEFORE_CURSOR_SAVE = "before_cursor_save";

    CrashPoint NONE = point -> { };

    void reached(String point);
}
