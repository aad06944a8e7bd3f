package nl.samenredzaam.wmointake.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.module.Role;

/** A checked melding. Free text: {@link #toString()} shows none of it. */
public record MeldingInput(Long residentUserId, String residentName, String residentPhone, LocalDate meldingDate,
        Choices.ReportedBy reportedBy, String reporterName, Choices.Channel channel, String requestText, boolean consentProcessing,
        boolean consentMunicipality, boolean consentGp, boolean wantsCoach, long professionalUserId, Long coachUserId,
        Long coordinatorUserId) {

    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 4000;
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{6,40}");

    /**
     * What was entered in the form or sent as JSON, all as text; the field names are those of the
     * form and the API.
     */
    public record Form(String residentUserId, String residentName, String residentPhone, String meldingDate, String reportedBy,
            String reporterName, String channel, String requestText, String consentProcessing, String consentMunicipality,
            String consentGp, String wantsCoach, String professionalUserId, String coachUserId, String coordinatorUserId) {

        public static Form empty(LocalDate today, Long professional, Long coordinator) {
            return new Form(null, null, null, today.toString(), "INWONER", null, "TELEFOON", null, null, null, null, null,
                    professional == null ? null : professional.toString(), null, coordinator == null ? null : coordinator.toString());
        }

        @Override
        public String toString() {
            return "MeldingInput.Form[]";
        }
    }

    static Checked<MeldingInput> check(Form f, Messages msg, LocalDate today, Sql sql, Members members) {
        Checked.Collector c = new Checked.Collector(msg);
        Long residentUser = c.id("residentUserId", f.residentUserId());
        String name = c.text("residentName", f.residentName(), NAME_MAX);
        if (residentUser != null) {
            var member = members.member(sql, residentUser);
            if (members.available() && member.isEmpty()) {
                c.add("residentUserId", "error.member.unknown");
            } else if (name == null && member.isPresent()) {
                name = member.get().displayName();
            }
        }
        if (name == null) {
            c.add("residentName", "error.residentName.missing");
        }
        String phone = c.text("residentPhone", f.residentPhone(), 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            c.add("residentPhone", "error.phone");
        }
        LocalDate date = c.date("meldingDate", f.meldingDate(), true, today.minusYears(2), today);
        Choices.ReportedBy by = c.choice("reportedBy", Choices.ReportedBy.class, f.reportedBy(), true);
        String reporter = c.text("reporterName", f.reporterName(), NAME_MAX);
        Choices.Channel channel = c.choice("channel", Choices.Channel.class, f.channel(), true);
        String request = c.required("requestText", f.requestText(), TEXT_MAX, "error.requestText.missing");
        boolean consent = Checked.Collector.bool(f.consentProcessing());
        if (!consent) {
            c.add("consentProcessing", "error.consent.missing");
        }
        Long professional = c.id("professionalUserId", f.professionalUserId());
        if (professional == null) {
            c.add("professionalUserId", "error.professional.missing");
        } else if (!members.hasRole(sql, professional, Role.PROFESSIONAL)) {
            c.add("professionalUserId", "error.professional.unknown");
        }
        Long coach = c.id("coachUserId", f.coachUserId());
        if (coach != null && !members.hasRole(sql, coach, Role.PROFESSIONAL) && !members.hasRole(sql, coach, Role.VOLUNTEER)) {
            c.add("coachUserId", "error.coach.unknown");
        }
        Long coordinator = c.id("coordinatorUserId", f.coordinatorUserId());
        if (coordinator != null && !members.hasRole(sql, coordinator, Role.COORDINATOR)) {
            c.add("coordinatorUserId", "error.coordinator.unknown");
        }
        if (!c.problems.isEmpty()) {
            return c.result(null);
        }
        return c.result(new MeldingInput(residentUser, name, phone, date, by, reporter, channel, request, true,
                Checked.Collector.bool(f.consentMunicipality()), Checked.Collector.bool(f.consentGp()),
                Checked.Collector.bool(f.wantsCoach()) || coach != null, professional, coach, coordinator));
    }

    @Override
    public String toString() {
        return "MeldingInput[]";
    }
}
