package nl.samenredzaam.volunteering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

/**
 * E-mail to the people involved, through the platform's mail outbox (sent only if the
 * transaction commits). Mails name the category and the request number, never the description,
 * name or address: those stay on the site, behind sign-in. Without a mailer or directory, nothing
 * is sent.
 */
@Component(service = {Notifier.class, MailNotifier.class})
public final class MailNotifier implements Notifier {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Directory directory;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile nl.samenredzaam.api.module.ModuleSettings settings;

    public MailNotifier() {
    }

    /** For tests. */
    public MailNotifier(Mailer mailer, Directory directory) {
        this.mailer = mailer;
        this.directory = directory;
    }

    @Override
    public void changed(Sql sql, HelpRequest r, State from) {
        Mailer m = mailer;
        Directory d = directory;
        if (m == null || d == null) {
            return;
        }
        Messages msg = Messages.of(MailNotifier.class, Text.DUTCH);
        String category = Categories.label(r.category(), Text.DUTCH, Categories.of(settings, sql.initiativeId()));
        List<String> to = new ArrayList<>();
        String key;
        if (from == null) {
            key = "mail.new";
            d.withRole(sql, Role.COORDINATOR).stream().map(Member::email).filter(Objects::nonNull).forEach(to::add);
        } else if (r.state() == State.PROPOSED) {
            key = "mail.proposed";
            email(sql, d, r.volunteerUserId()).ifPresent(to::add);
        } else if (r.state() == State.CONFIRMED) {
            key = "mail.confirmed";
            email(sql, d, r.volunteerUserId()).ifPresent(to::add);
            email(sql, d, r.residentUserId()).ifPresent(to::add);
        } else if (r.state() == State.CANCELLED) {
            key = "mail.cancelled";
            if (from == State.CONFIRMED || from == State.PROPOSED) {
                email(sql, d, r.volunteerUserId()).ifPresent(to::add);
            }
            email(sql, d, r.residentUserId()).ifPresent(to::add);
        } else if (from == State.CONFIRMED && r.state() == State.OPEN) {
            key = "mail.reopened";
            d.withRole(sql, Role.COORDINATOR).stream().map(Member::email).filter(Objects::nonNull).forEach(to::add);
            email(sql, d, r.residentUserId()).ifPresent(to::add);
        } else {
            return;
        }
        for (String address : to.stream().distinct().toList()) {
            m.send(sql, new Mail(address, msg.get(key + ".subject", r.id(), category), msg.get(key + ".body", r.id(), category)));
        }
    }

    /** A reminder that a VOG expires soon, to the volunteer and the coordinators. */
    public void vogReminder(Sql sql, Profile p) {
        Mailer m = mailer;
        Directory d = directory;
        if (m == null || d == null) {
            return;
        }
        Messages msg = Messages.of(MailNotifier.class, Text.DUTCH);
        String until = p.vogValidUntil() == null ? "" : p.vogValidUntil().toString();
        email(sql, d, p.userId()).ifPresent(a -> m.send(sql, new Mail(a, msg.get("mail.vog.subject"), msg.get("mail.vog.body", until))));
        for (Member c : d.withRole(sql, Role.COORDINATOR)) {
            if (c.email() != null) {
                m.send(sql, new Mail(c.email(), msg.get("mail.vog.coordinator.subject", p.displayName()),
                        msg.get("mail.vog.coordinator.body", p.displayName(), until)));
            }
        }
    }

    private static Optional<String> email(Sql sql, Directory d, Long userId) {
        return userId == null ? Optional.empty() : d.member(sql, userId).map(Member::email);
    }
}
