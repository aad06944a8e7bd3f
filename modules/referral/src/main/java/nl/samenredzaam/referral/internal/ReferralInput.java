package nl.samenredzaam.referral.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.samenredzaam.api.i18n.Messages;

/**
 * What a referrer submits, from the form or the API. Kept as typed-in text so that a form with a
 * mistake comes back with everything the referrer wrote; {@link #problems} says what is wrong per field.
 */
public record ReferralInput(String patientName, String patientBirthDate, String patientPhone, List<String> reasons,
        String note, String urgency, Boolean consentContact, Boolean consentFeedback, String referrerType, String referrerOrg) {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 1000;
    static final int ORG_MAX = 200;
    private static final Pattern PHONE = Pattern.compile("[+]?[0-9 ()-]{8,20}");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    public ReferralInput {
        patientName = strip(patientName);
        patientBirthDate = strip(patientBirthDate);
        patientPhone = strip(patientPhone);
        reasons = reasons == null ? List.of() : reasons.stream().map(ReferralInput::strip).filter(s -> !s.isEmpty()).distinct().toList();
        note = strip(note);
        urgency = strip(urgency).isEmpty() ? "NORMAL" : strip(urgency);
        consentContact = Boolean.TRUE.equals(consentContact);
        consentFeedback = Boolean.TRUE.equals(consentFeedback);
        referrerType = strip(referrerType);
        referrerOrg = strip(referrerOrg);
    }

    static ReferralInput empty() {
        return new ReferralInput("", "", "", List.of(), "", "NORMAL", false, false, "", "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The date of birth, from {@code 2026-01-31} or {@code 31-1-2026}; {@code null} when it is not a date. */
    LocalDate birthDate() {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DUTCH_DATE)) {
            try {
                return LocalDate.parse(patientBirthDate, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /**
     * Problems per field, in the caller's language.
     *
     * @param allowedReasons the initiative's reasons
     * @param today          today, to reject dates of birth in the future
     */
    Map<String, String> problems(Messages msg, List<String> allowedReasons, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (patientName.isEmpty()) {
            problems.put("patientName", msg.get("error.patientName.missing"));
        } else if (patientName.length() > NAME_MAX) {
            problems.put("patientName", msg.get("error.tooLong", NAME_MAX));
        }
        LocalDate born = birthDate();
        if (patientBirthDate.isEmpty()) {
            problems.put("patientBirthDate", msg.get("error.birthDate.missing"));
        } else if (born == null) {
            problems.put("patientBirthDate", msg.get("error.birthDate.format"));
        } else if (born.isAfter(today) || born.isBefore(today.minusYears(120))) {
            problems.put("patientBirthDate", msg.get("error.birthDate.range"));
        }
        if (patientPhone.isEmpty()) {
            problems.put("patientPhone", msg.get("error.phone.missing"));
        } else if (!PHONE.matcher(patientPhone).matches()) {
            problems.put("patientPhone", msg.get("error.phone.format"));
        }
        if (reasons.isEmpty()) {
            problems.put("reasons", msg.get("error.reasons.missing"));
        } else {
            List<String> unknown = new ArrayList<>();
            for (String r : reasons) {
                if (allowedReasons.stream().noneMatch(a -> a.equalsIgnoreCase(r))) {
                    unknown.add(r);
                }
            }
            if (!unknown.isEmpty()) {
                problems.put("reasons", msg.get("error.reasons.unknown", String.join(", ", allowedReasons)));
            }
        }
        if (note.length() > NOTE_MAX) {
            problems.put("note", msg.get("error.tooLong", NOTE_MAX));
        }
        if (Urgency.parse(urgency) == null) {
            problems.put("urgency", msg.get("error.urgency"));
        }
        if (!consentContact) {
            problems.put("consentContact", msg.get("error.consentContact"));
        }
        if (ReferrerType.parse(referrerType) == null) {
            problems.put("referrerType", msg.get("error.referrerType"));
        }
        if (referrerOrg.length() > ORG_MAX) {
            problems.put("referrerOrg", msg.get("error.tooLong", ORG_MAX));
        }
        return problems;
    }

    /** The reasons spelled as in the initiative's list. */
    List<String> canonicalReasons(List<String> allowedReasons) {
        return reasons.stream()
                .map(r -> allowedReasons.stream().filter(a -> a.equalsIgnoreCase(r)).findFirst().orElse(r))
                .toList();
    }
}
