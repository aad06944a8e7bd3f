package nl.samenredzaam.referral.internal;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;

/**
 * Who may see which referral, and the access log. Every read or change of a referral goes through
 * here, so that each one is checked and written to the audit log (NEN 7513), refused ones included.
 *
 * <ul>
 * <li>Coaches ({@code referral.coach}) see unassigned referrals and their own; those who may
 * assign ({@code referral.assign}, coordinators) see all.</li>
 * <li>Referrers ({@code referral.refer}) see only the referrals they made.</li>
 * </ul>
 */
final class ReferralAccess {

    static final String RECORD_TYPE = "referral.referral";

    private final ReferralRepository repository;

    ReferralAccess(ReferralRepository repository) {
        this.repository = repository;
    }

    /** The referral for the coach's work; a 404 (logged as refused) when it does not exist or is not theirs. */
    Referral forCoach(WebRequest req, long id, Action action) {
        Actor actor = req.requireActor();
        Referral r = repository.find(req.sql(), id).orElse(null);
        boolean allowed = r != null && req.isAllowed(ReferralModule.COACH)
                && (req.isAllowed(ReferralModule.ASSIGN) || r.coachUserId() == null || r.coachUserId() == actor.userId());
        return checked(req, id, action, "care", r, allowed);
    }

    /** The referral for the referrer who made it; a 404 (logged as refused) otherwise. */
    Referral forReferrer(WebRequest req, long id, Action action) {
        Actor actor = req.requireActor();
        Referral r = repository.find(req.sql(), id).orElse(null);
        boolean allowed = r != null && req.isAllowed(ReferralModule.REFER) && r.referrerUserId() != null
                && r.referrerUserId() == actor.userId();
        return checked(req, id, action, "referral-feedback", r, allowed);
    }

    /** For a coach, or else for the referrer who made it (letters). */
    Referral forCoachOrReferrer(WebRequest req, long id, Action action) {
        if (req.isAllowed(ReferralModule.COACH)) {
            return forCoach(req, id, action);
        }
        return forReferrer(req, id, action);
    }

    /** Logs a list or search of referrals (no record id). */
    static void logList(WebRequest req, String purpose) {
        req.audit(new AuditEvent(Action.SEARCH, RECORD_TYPE, null, null, null, purpose, true));
    }

    /** Logs an action on a referral that has just been created or changed. */
    static void log(WebRequest req, Action action, long id, String purpose) {
        req.audit(new AuditEvent(action, RECORD_TYPE, Long.toString(id), null, "referral:" + id, purpose, true));
    }

    private static Referral checked(WebRequest req, long id, Action action, String purpose, Referral r, boolean allowed) {
        req.audit(new AuditEvent(action, RECORD_TYPE, Long.toString(id), null, "referral:" + id, purpose, allowed));
        if (!allowed) {
            throw ProblemException.notFound();
        }
        return r;
    }
}
