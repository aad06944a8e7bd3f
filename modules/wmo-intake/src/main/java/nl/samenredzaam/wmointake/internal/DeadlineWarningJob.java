package nl.samenredzaam.wmointake.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.job.ScheduledJob;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.deadline.WmoTermsConfiguration;

/**
 * Warns the assigned professional by e-mail when a duty term (onderzoek, beschikking) comes
 * within the warning period, and once more when it has passed. Each warning is sent once per
 * file, term, last day and level. The mail names no person and holds no free text: only the
 * file number, the term and the date.
 */
@Component(service = ScheduledJob.class, configurationPid = WmoTerms.PID)
public final class DeadlineWarningJob implements ScheduledJob {

    static final String SOON = "soon";
    static final String OVERDUE = "overdue";

    private final DeadlineClock clock;
    private final Mailer mailer;
    private final Members members;
    private final FileRepository files = new FileRepository();

    @Activate
    public DeadlineWarningJob(WmoTermsConfiguration config, @Reference Mailer mailer) {
        this(new DeadlineClock(WmoTerms.from(config)), mailer, new Members());
    }

    public DeadlineWarningJob(DeadlineClock clock, Mailer mailer, Members members) {
        this.clock = clock;
        this.mailer = mailer;
        this.members = members;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDirectory(Directory d) {
        members.set(d);
    }

    void unsetDirectory(Directory d) {
        members.unset(d);
    }

    @Override
    public String moduleId() {
        return WmoIntakeModule.ID;
    }

    @Override
    public String name() {
        return "deadline-warnings";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run(Sql sql, Instant now) {
        if (!members.available()) {
            return; // nobody to write to; the next run tries again
        }
        LocalDate today = LocalDate.ofInstant(now, IntakeService.AMSTERDAM);
        Messages msg = Messages.of(DeadlineWarningJob.class, Text.DUTCH);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", msg.locale());
        for (IntakeFile f : files.open(sql)) {
            for (Deadline d : clock.deadlines(f.facts(), today)) {
                if (!d.kind().isDuty() || d.metOn() != null) {
                    continue;
                }
                String level = d.state() == Deadline.State.DUE_SOON ? SOON : d.state() == Deadline.State.PASSED ? OVERDUE : null;
                if (level == null) {
                    continue;
                }
                String email = members.member(sql, f.professionalUserId()).map(Member::email).orElse(null);
                if (email == null || !files.markWarned(sql, f.id(), d.kind().name(), d.due(), level, now)) {
                    continue;
                }
                String term = msg.get("deadline." + d.kind().name());
                String body = (level.equals(SOON) ? msg.get("mail.soon", f.id(), term, dates.format(d.due()), d.daysLeft())
                        : msg.get("mail.overdue", f.id(), term, dates.format(d.due()))) + "\n\n" + msg.get("mail.footer");
                mailer.send(sql, new Mail(email, msg.get("mail.subject", f.id()), body));
            }
        }
    }
}
