package dev.farthing.compliance.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one SAR, taken from a case: who files, who the subjects are, when and how much, what kind of
 * activity (FinCEN type/subtype ids) and the narrative. Amounts are whole US dollars, as the form wants.
 */
public record SarDraft(Party transmitter, Party transmitterContact, Party filingInstitution, Party contactOffice,
                       List<Party> subjects, LocalDate activityFrom, LocalDate activityTo, long totalAmountUsd,
                       int activityTypeId, int activitySubtypeId, String narrative, LocalDate filingDate) {
    /** A party by its full name (individuals as "LAST, First"); {@code tin} may be null. */
    public record Party(String fullName, String tin) {
        public Party {
            Objects.requireNonNull(fullName, "fullName");
        }
    }

    public SarDraft {
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) throw new IllegalArgumentException("a SAR names at least one subject");
        if (totalAmountUsd < 0) throw new IllegalArgumentException("the total amount is not negative");
        if (activityTo.isBefore(activityFrom)) throw new IllegalArgumentException("activity ends before it starts");
    }
}
