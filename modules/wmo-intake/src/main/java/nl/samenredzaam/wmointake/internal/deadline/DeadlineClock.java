package nl.samenredzaam.wmointake.internal.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline computation: pure, no clock of its own (today is passed in), no database.
 *
 * <p>A term of n days or weeks starting on date D ends on D + n days (or D + 7n days): the day of
 * the event itself is not counted (Awb art. 6:8 for bezwaar, and the usual reading of "binnen zes
 * weken na de melding"). With {@link TermRule#ALGEMENE_TERMIJNENWET} an end on a Saturday, Sunday
 * or public holiday moves to the next working day.
 */
public final class DeadlineClock {

    private final WmoTerms terms;

    public DeadlineClock(WmoTerms terms) {
        this.terms = Objects.requireNonNull(terms, "terms");
    }

    public WmoTerms terms() {
        return terms;
    }

    /** The last day of a term of {@code days} days that starts on {@code start}. */
    public LocalDate end(LocalDate start, int days) {
        LocalDate end = start.plusDays(days);
        if (terms.rule() == TermRule.ALGEMENE_TERMIJNENWET) {
            while (DutchHolidays.isNonWorkingDay(end)) {
                end = end.plusDays(1);
            }
        }
        return end;
    }

    /** The facts of a file that the terms depend on. */
    public record Facts(LocalDate melding, LocalDate planReceived, LocalDate verslagSent, LocalDate aanvraag,
            LocalDate beschikking) {
        public Facts {
            Objects.requireNonNull(melding, "melding");
        }
    }

    /** Every term that applies so far, in order. Terms that have not started yet (no aanvraag) are absent. */
    public List<Deadline> deadlines(Facts f, LocalDate today) {
        List<Deadline> out = new ArrayList<>(4);
        int warn = terms.warningDays();
        out.add(Deadline.of(DeadlineKind.PERSOONLIJK_PLAN, f.melding(), end(f.melding(), terms.persoonlijkPlanDays()),
                f.planReceived(), today, warn));
        out.add(Deadline.of(DeadlineKind.ONDERZOEK, f.melding(), end(f.melding(), terms.onderzoekWeeks() * 7), f.verslagSent(),
                today, warn));
        if (f.aanvraag() != null) {
            out.add(Deadline.of(DeadlineKind.BESCHIKKING, f.aanvraag(), end(f.aanvraag(), terms.beschikkingWeeks() * 7),
                    f.beschikking(), today, warn));
        }
        if (f.beschikking() != null) {
            out.add(Deadline.of(DeadlineKind.BEZWAAR, f.beschikking(), end(f.beschikking(), terms.bezwaarWeeks() * 7),
                    null, today, warn));
        }
        return out;
    }

    /** The open term that ends first: what the work queue sorts on. */
    public static Optional<Deadline> next(List<Deadline> deadlines) {
        return deadlines.stream().filter(Deadline::open).min(Comparator.comparing(Deadline::due));
    }
}
