package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.web.WebRequest;

/** Small helpers the templates use: links, dates and labels in the reader's language. */
public final class View {

    private final String base;
    private final Messages msg;
    private final Locale locale;

    View(WebRequest req) {
        this(req.link("/referral"), req.messages());
    }

    View(String base, Messages msg) {
        this.base = base;
        this.msg = msg;
        this.locale = msg.locale();
    }

    /** A link below the module, e.g. {@code href("/dossier/4")}. */
    public String href(String path) {
        return base + path;
    }

    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(d);
    }

    public String date(Instant i) {
        return i == null ? "" : date(i.atZone(ReferralService.AMSTERDAM).toLocalDate());
    }

    public String dateTime(java.time.OffsetDateTime t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale).format(t.atZoneSameInstant(ReferralService.AMSTERDAM));
    }

    /** The ISO date for a {@code <time datetime>} attribute. */
    public String iso(Instant i) {
        return i == null ? "" : i.atZone(ReferralService.AMSTERDAM).toLocalDate().toString();
    }

    public String text(Text t) {
        return t.in(locale);
    }

    public String status(ReferralStatus s) {
        return msg.get(s.labelKey());
    }

    public String followUpKind(FollowUp.Kind k) {
        return msg.get("followUp.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    public String stepKind(PlanStep.Kind k) {
        return msg.get("step.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    public String lowerName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
