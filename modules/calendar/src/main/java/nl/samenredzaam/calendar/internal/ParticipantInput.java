package nl.samenredzaam.calendar.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import nl.samenredzaam.api.i18n.Messages;

/** Checks the details of someone registered on their behalf: a name, and a phone number or e-mail address. */
final class ParticipantInput {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    private ParticipantInput() {
    }

    static Map<String, String> problems(Messages msg, String name, String phone, String email) {
        Map<String, String> problems = new LinkedHashMap<>();
        String n = clean(name);
        if (n == null) {
            problems.put("name", msg.get("error.name.missing"));
        } else if (n.length() > 200) {
            problems.put("name", msg.get("error.too-long", 200));
        }
        String p = clean(phone);
        if (p != null && !PHONE.matcher(p).matches()) {
            problems.put("phone", msg.get("error.phone"));
        }
        String e = clean(email);
        if (e != null && (e.length() > 200 || !EMAIL.matcher(e).matches())) {
            problems.put("email", msg.get("error.email"));
        }
        if (p == null && e == null && !problems.containsKey("name")) {
            problems.put("phone", msg.get("error.contact.missing"));
        }
        return problems;
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
