package dev.farthing.customers.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.customers.customer.PersonalData;

import java.io.IOException;
import java.time.LocalDate;

/** Personal data as the plaintext the vault seals: a small JSON object. */
public final class PersonalDataCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalDataCodec() {
    }

    public static byte[] encode(PersonalData p) {
        ObjectNode o = JSON.createObjectNode().put("name", p.name())
                .put("birth_date", p.birthDate() == null ? null : p.birthDate().toString())
                .put("email", p.email()).put("phone", p.phone()).put("address", p.address());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PersonalData decode(byte[] bytes) {
        try {
            JsonNode o = JSON.readTree(bytes);
            String birth = text(o, "birth_date");
            return new PersonalData(text(o, "name"), birth == null ? null : LocalDate.parse(birth), text(o, "email"),
                    text(o, "phone"), text(o, "address"));
        } catch (IOException e) {
            throw new IllegalStateException("a vault record is not personal data JSON", e);
        }
    }

    private static String text(JsonNode o, String f) {
        JsonNode v = o.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
