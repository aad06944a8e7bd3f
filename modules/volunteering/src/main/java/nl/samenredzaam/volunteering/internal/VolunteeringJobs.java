package nl.samenredzaam.volunteering.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.job.ScheduledJob;

/** The module's scheduled work: VOG renewal reminders and expiring requests whose date passed. */
public final class VolunteeringJobs {

    /** Days before the end of a VOG's three years that the volunteer and coordinators are reminded. */
    static final int VOG_REMIND_DAYS = 90;

    private VolunteeringJobs() {
    }

    /** Reminds once per VOG, {@value #VOG_REMIND_DAYS} days before it stops being valid. */
    @Component(service = ScheduledJob.class)
    public static final class VogReminders implements ScheduledJob {

        private final ProfileRepository profiles = new ProfileRepository();
        private final MailNotifier mail;

        @Activate
        public VogReminders(@Reference MailNotifier mail) {
            this.mail = mail;
        }

        @Override
        public String moduleId() {
            return VolunteeringModule.ID;
        }

        @Override
        public String name() {
            return "vog-reminders";
        }

        @Override
        public Duration interval() {
            return Duration.ofHours(12);
        }

        @Override
        public void run(Sql sql, Instant now) {
            LocalDate today = LocalDate.ofInstant(now, RequestForm.AMSTERDAM);
            for (Profile p : profiles.vogRenewalDue(sql, today, today.plusDays(VOG_REMIND_DAYS))) {
                mail.vogReminder(sql, p);
                profiles.markReminded(sql, p.userId(), today);
            }
        }
    }

    /** Requests with a date in the past that still wait for a volunteer become "verlopen". */
    @Component(service = ScheduledJob.class)
    public static final class ExpireRequests implements ScheduledJob {

        private final Notifier notifier;

        @Activate
        public ExpireRequests(@Reference Notifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public String moduleId() {
            return VolunteeringModule.ID;
        }

        @Override
        public String name() {
            return "expire-requests";
        }

        @Override
        public Duration interval() {
            return Duration.ofHours(1);
        }

        @Override
        public void run(Sql sql, Instant now) {
            new Requests(new RequestRepository(), new ProfileRepository(), notifier, Clock.fixed(now, RequestForm.AMSTERDAM))
                    .expireOverdue(sql);
        }
    }
}
