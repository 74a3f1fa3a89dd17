package dev.farthing.compliance.screening;

import org.apache.commons.codec.language.DoubleMetaphone;

/** A folded word with the keys it is compared and indexed by. */
record Word(String text, String skeleton, String sound, String altSound, boolean abjad, boolean lowInformation) {
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    static Word of(String text, boolean abjad) {
        DoubleMetaphone dm = METAPHONE.get();
        String sound = dm.doubleMetaphone(text, false);
        String alt = dm.doubleMetaphone(text, true);
        return new Word(text, NameFolding.skeleton(text), sound == null ? "" : sound,
            alt == null ? "" : alt, abjad, NameWords.lowInformation(text));
    }

    boolean initial() { return text.length() == 1; }

    boolean soundsLike(Word other) {
        return !sound.isEmpty() && (sound.equals(other.sound) || sound.equals(other.altSound)
            || (!altSound.isEmpty() && (altSound.equals(other.sound) || altSound.equals(other.altSound))));
    }
}
