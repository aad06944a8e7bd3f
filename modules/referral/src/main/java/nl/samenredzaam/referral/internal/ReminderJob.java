package nl.samenredzaam.referral.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
import nl.samenredzaam.api.module.Role;

/**
 * Reminders by e-mail: to the coach when a follow-up is due, and when a referral has had no first
 * contact within the target. Without a coach, the coordinators get it. Each reminder is sent
 * once. The mails name the referral by its reference, never the patient.
 */
@Component(service = ScheduledJob.class)
public final class ReminderJob implements ScheduledJob {

    private final Mailer mailer;
    private final TrajectoryRepository trajectory = new TrajectoryRepository();
    private final ReferralRepository referrals = new ReferralRepository();
    private final Function<Sql, String> firstContactSetting;
    private volatile Directory directory;

    @Activate
    public ReminderJob(@Reference Mailer mailer, @Reference nl.samenredzaam.api.module.ModuleSettings settings) {
        this(mailer, null, sql -> settings.value(sql.initiativeId(), ReferralModule.ID, ReferralModule.SETTING_FIRST_CONTACT_DAYS)
                .orElse(""));
    }

    ReminderJob(Mailer mailer, Directory directory, Function<Sql, String> firstContactSetting) {
        this.mailer = mailer;
        this.directory = directory;
        this.firstContactSetting = firstContactSetting;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetDirectory")
    void setDirectory(Directory service) {
        this.directory = service;
    }

    void unsetDirectory(Directory service) {
        if (directory == service) {
            directory = null;
        }
    }

    @Override
    public String moduleId() {
        return ReferralModule.ID;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run(Sql sql, Instant now) {
        Directory dir = directory;
        if (dir == null) {
            return; // nobody to write to; the reminders wait until the directory is there
        }
        Messages nl = Messages.of(ReminderJob.class, Text.DUTCH);
        LocalDate today = LocalDate.ofInstant(now, ReferralService.AMSTERDAM);
        for (FollowUp f : trajectory.dueWithoutReminder(sql, today)) {
            Optional<Referral> r = referrals.find(sql, f.referralId());
            if (r.isEmpty()) {
                continue;
            }
            String kind = nl.get("followUp.kind." + f.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (send(sql, dir, r.get(), nl.get("mail.followUp.subject", r.get().reference()),
                    nl.get("mail.followUp.body", r.get().reference(), kind, ReferralService.date(f.dueOn())))) {
                trajectory.markReminded(sql, f.id(), now);
            }
        }
        int days = ReferralService.firstContactDays(firstContactSetting.apply(sql));
        for (Referral r : referrals.waitingForContact(sql)) {
            LocalDate deadline = ReferralService.contactDeadline(r, days);
            if (today.isAfter(deadline) && send(sql, dir, r, nl.get("mail.overdue.subject", r.reference()),
                    nl.get("mail.overdue.body", r.reference(), ReferralService.date(deadline), days))) {
                referrals.markOverdueReminded(sql, r.id(), now);
            }
        }
    }

    private boolean send(Sql sql, Directory dir, Referral r, String subject, String body) {
        List<String> to = new ArrayList<>();
        if (r.coachUserId() != null) {
            dir.member(sql, r.coachUserId()).map(Member::email).filter(e -> !e.isBlank()).ifPresent(to::add);
        }
        if (to.isEmpty()) {
            dir.withRole(sql, Role.COORDINATOR).stream().map(Member::email).filter(e -> e != null && !e.isBlank()).forEach(to::add);
        }
        for (String address : to) {
            mailer.send(sql, new Mail(address, subject, body));
        }
        return !to.isEmpty();
    }
}
