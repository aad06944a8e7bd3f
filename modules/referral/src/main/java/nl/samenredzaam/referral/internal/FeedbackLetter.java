package nl.samenredzaam.referral.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.instruments.PositiveHealthDimension;

/**
 * The short letter to the referrer, at intake or at closing. It holds only what the patient
 * agreed to share: without consent for feedback there is no letter; the plan, the scores and the
 * outcome appear only when the patient agreed at the intake. "De vraag achter de vraag", notes and
 * follow-up talks are never in it.
 *
 * @param kind     {@code intake} or {@code closing}
 * @param title    heading
 * @param facts    label and value lines (reference, patient, dates, coach, status)
 * @param sections headed lists (goals, plan, outcome)
 * @param scores   Positieve Gezondheid rows (empty when not shared)
 * @param withAfter whether the score rows have an "after" column
 */
public record FeedbackLetter(String kind, String title, List<Line> facts, List<Section> sections, List<ScoreRow> scores,
        boolean withAfter) {

    public static final String INTAKE = "intake";
    public static final String CLOSING = "closing";

    /** A label with its value. */
    public record Line(String label, String value) {
    }

    /** A heading with paragraphs. */
    public record Section(String heading, List<String> items) {
    }

    /** One dimension before (and after). */
    public record ScoreRow(String dimension, int before, Integer after) {
        public String change() {
            if (after == null) {
                return "";
            }
            int d = after - before;
            return d > 0 ? "+" + d : Integer.toString(d);
        }
    }

    /**
     * The letter of this kind, or empty when there is none to write: no consent for feedback, no
     * intake yet (intake letter), or still open (closing letter).
     */
    static Optional<FeedbackLetter> build(String kind, Referral r, Map<Measurement.Kind, Measurement> measurements,
            List<PlanStep> steps, Messages msg, View view) {
        if (!r.consentFeedback()) {
            return Optional.empty();
        }
        boolean closing = CLOSING.equals(kind);
        if (!closing && !INTAKE.equals(kind)) {
            return Optional.empty();
        }
        if (closing ? r.status().isOpen() : r.intakeAt() == null) {
            return Optional.empty();
        }
        List<Line> facts = new ArrayList<>();
        facts.add(new Line(msg.get("letter.reference"), r.reference()));
        facts.add(new Line(msg.get("col.patient"), r.patientName()
                + (r.patientBirthDate() == null ? "" : " (" + view.date(r.patientBirthDate()) + ")")));
        facts.add(new Line(msg.get("col.referred"), view.date(r.createdAt())));
        if (r.firstContactAt() != null) {
            facts.add(new Line(msg.get("col.firstContact"), view.date(r.firstContactAt())));
        }
        if (r.coachName() != null) {
            facts.add(new Line(msg.get("col.coach"), r.coachName()));
        }
        facts.add(new Line(msg.get("col.status"), view.status(r.status())));
        if (closing && r.closedAt() != null) {
            facts.add(new Line(msg.get("letter.closedOn"), view.date(r.closedAt())));
        }

        List<Section> sections = new ArrayList<>();
        sections.add(new Section(msg.get("letter.summary"), List.of(msg.get(closing ? "letter.summary.closing." + r.status().name()
                .toLowerCase(java.util.Locale.ROOT) : "letter.summary.intake"))));
        if (r.sharePlan()) {
            if (r.goals() != null && !r.goals().isBlank()) {
                sections.add(new Section(msg.get("field.goals"), List.of(r.goals())));
            }
            if (!steps.isEmpty()) {
                sections.add(new Section(msg.get("dossier.plan"), steps.stream()
                        .map(s -> view.stepKind(s.kind()) + ": " + s.description()).toList()));
            }
        }
        if (closing && r.shareOutcome() && r.outcome() != null) {
            sections.add(new Section(msg.get("field.outcome"), List.of(r.outcome())));
        }
        List<ScoreRow> rows = new ArrayList<>();
        Measurement before = measurements.get(Measurement.Kind.INTAKE);
        Measurement after = closing ? measurements.get(Measurement.Kind.CLOSING) : null;
        if (r.shareScores() && before != null) {
            for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
                rows.add(new ScoreRow(view.text(d.label()), before.scores().score(d), after == null ? null : after.scores().score(d)));
            }
        }
        return Optional.of(new FeedbackLetter(kind, msg.get(closing ? "letter.closing" : "letter.intake"), facts, sections, rows,
                after != null && !rows.isEmpty()));
    }
}
