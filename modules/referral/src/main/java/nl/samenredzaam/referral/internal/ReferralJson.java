package nl.samenredzaam.referral.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;

/** The JSON shapes of the API (maps, so that what each reader sees is explicit). */
final class ReferralJson {

    private ReferralJson() {
    }

    /** What the referrer sees of their referral: no intake content. */
    static Map<String, Object> forReferrer(Referral r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("reference", r.reference());
        m.put("status", r.status().name());
        m.put("patientName", r.patientName());
        m.put("patientBirthDate", str(r.patientBirthDate()));
        m.put("reasons", r.reasons());
        m.put("urgency", r.urgency().name());
        m.put("consentFeedback", r.consentFeedback());
        m.put("createdAt", str(r.createdAt()));
        m.put("firstContactAt", str(r.firstContactAt()));
        m.put("coachName", r.coachName());
        m.put("letters", letters(r));
        return m;
    }

    static List<String> letters(Referral r) {
        if (!r.consentFeedback()) {
            return List.of();
        }
        List<String> letters = new java.util.ArrayList<>();
        if (r.intakeAt() != null) {
            letters.add(FeedbackLetter.INTAKE);
        }
        if (!r.status().isOpen()) {
            letters.add(FeedbackLetter.CLOSING);
        }
        return letters;
    }

    /** A line of the coach's queue. */
    static Map<String, Object> queueRow(QueueRow q) {
        Referral r = q.referral();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("reference", r.reference());
        m.put("status", r.status().name());
        m.put("patientName", r.patientName());
        m.put("reasons", r.reasons());
        m.put("urgency", r.urgency().name());
        m.put("createdAt", str(r.createdAt()));
        m.put("workingDaysWaiting", q.workingDays());
        m.put("contactDeadline", str(q.contactDeadline()));
        m.put("overdue", q.overdue());
        m.put("firstContactAt", str(r.firstContactAt()));
        m.put("coachUserId", r.coachUserId());
        m.put("coachName", r.coachName());
        m.put("followUpsDue", q.followUpsDue());
        return m;
    }

    /** Everything the coach sees. */
    static Map<String, Object> full(Referral r, Map<Measurement.Kind, Measurement> measurements, List<Dossier.StepView> steps,
            List<FollowUp> followUps) {
        Map<String, Object> m = forReferrer(r);
        m.put("source", r.source());
        m.put("patientPhone", r.patientPhone());
        m.put("note", r.note());
        m.put("consentContact", r.consentContact());
        m.put("referrerName", r.referrerName());
        m.put("referrerOrg", r.referrerOrg());
        m.put("referrerType", r.referrerType().name());
        m.put("coachUserId", r.coachUserId());
        m.put("questionBehind", r.questionBehind());
        m.put("goals", r.goals());
        m.put("sharePlan", r.sharePlan());
        m.put("shareScores", r.shareScores());
        m.put("shareOutcome", r.shareOutcome());
        m.put("outcome", r.outcome());
        m.put("intakeAt", str(r.intakeAt()));
        m.put("closedAt", str(r.closedAt()));
        Map<String, Object> ms = new LinkedHashMap<>();
        measurements.forEach((k, v) -> ms.put(k.name().toLowerCase(java.util.Locale.ROOT), scores(v.scores())));
        m.put("measurements", ms);
        m.put("steps", steps.stream().map(ReferralJson::step).toList());
        m.put("followUps", followUps.stream().map(ReferralJson::followUp).toList());
        return m;
    }

    static Map<String, Object> scores(PositiveHealthScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measuredOn", s.measuredOn().toString());
        Map<String, Integer> values = new LinkedHashMap<>();
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            values.put(d.key(), s.score(d));
        }
        m.put("scores", values);
        m.put("wantToTalk", s.wantToTalk().stream().map(PositiveHealthDimension::key).sorted().toList());
        return m;
    }

    static Map<String, Object> step(Dossier.StepView v) {
        PlanStep s = v.step();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("kind", s.kind().name());
        m.put("description", s.description());
        m.put("activityId", s.activityId());
        m.put("activityStart", s.activityStart() == null ? null : s.activityStart().toString());
        m.put("calendarRegistrationId", s.calendarRegistrationId());
        m.put("attendance", v.attendance());
        m.put("helpRequestId", s.helpRequestId());
        m.put("helpStatus", v.helpState());
        return m;
    }

    static Map<String, Object> followUp(FollowUp f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("kind", f.kind().name());
        m.put("dueOn", f.dueOn().toString());
        m.put("doneAt", str(f.doneAt()));
        m.put("note", f.note());
        return m;
    }

    static String str(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d.toString() : o.toString();
    }
}
