package dev.farthing.server.http.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings of one body, bounded: a body of a thousand junk fields gets {@link #MAX} warnings and a last one
 * saying how many more there were, so a reply never grows with the garbage it was sent.
 */
final class Warnings {
    static final int MAX = 32;
    private final List<InputWarning> list = new ArrayList<>(2);
    private int unlisted;

    void add(String field, String problem) {
        if (list.size() < MAX) {
            list.add(new InputWarning(field, problem));
        } else {
            unlisted++;
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    InputWarning first() {
        return list.getFirst();
    }

    List<InputWarning> list() {
        if (unlisted == 0) {
            return List.copyOf(list);
        }
        List<InputWarning> all = new ArrayList<>(list);
        all.add(new InputWarning("context", unlisted + " more warnings not listed"));
        return List.copyOf(all);
    }
}
