package nl.samenredzaam.referral.internal;

/** How soon the referrer wants contact; mapped to FHIR ServiceRequest.priority. */
public enum Urgency {
    NORMAL("routine"), SOON("urgent");

    private final String fhirPriority;

    Urgency(String fhirPriority) {
        this.fhirPriority = fhirPriority;
    }

    public String fhirPriority() {
        return fhirPriority;
    }

    public static Urgency parse(String value) {
        if (value == null) {
            return null;
        }
        for (Urgency u : values()) {
            if (u.name().equalsIgnoreCase(value.trim()) || u.fhirPriority.equals(value.trim())) {
                return u;
            }
        }
        return "asap".equals(value.trim()) || "stat".equals(value.trim()) ? SOON : null;
    }
}
