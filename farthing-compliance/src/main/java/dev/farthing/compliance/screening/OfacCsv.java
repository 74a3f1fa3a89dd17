package dev.farthing.compliance.screening;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of OFAC's SDN files: no header, double-quoted fields with doubled quotes inside, CRLF line
 * ends, {@code -0- } (with a trailing space) for an empty field, and a DOS end-of-file byte 0x1A at the end.
 */
final class OfacCsv {
    private static final char END_OF_FILE = 0x1A;

    private OfacCsv() {}

    /** Decodes the file's bytes: UTF-8 when valid, else Windows-1252 (older OFAC files are in that code page). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Rows of fields; empty fields (including {@code -0-}) are empty strings, blank lines are skipped. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                    else quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(clean(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == END_OF_FILE) {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                if (!row.isEmpty() || !field.isEmpty() || wasQuoted) {
                    row.add(clean(field, wasQuoted));
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || !field.isEmpty() || wasQuoted) {
            row.add(clean(field, wasQuoted));
            rows.add(row);
        }
        return rows;
    }

    private static String clean(StringBuilder field, boolean wasQuoted) {
        String value = field.toString().strip();
        if ("-0-".equals(value)) return "";
        return value;
    }
}
