package nl.samenredzaam.wmointake.internal;

import nl.samenredzaam.api.identity.Actor;

/**
 * Who may see a file: the assigned professional and the coordinator (with the module's work
 * permission), the assigned cliëntondersteuner (read only), and the resident it is about (read
 * only). Nobody else: not other professionals, coordinators or admins, not the platform operator.
 */
public final class FileAccess {

    /** What a person may do with a file. */
    public enum Level {
        NONE, RESIDENT, COACH, STAFF;

        public boolean canEdit() {
            return this == STAFF;
        }

        /** The purpose written to the audit log. */
        public String purpose() {
            return switch (this) {
                case STAFF -> "care";
                case COACH -> "client-support";
                case RESIDENT -> "own-file";
                case NONE -> "none";
            };
        }
    }

    private FileAccess() {
    }

    public static Level of(Actor actor, IntakeFile f) {
        if (actor == null) {
            return Level.NONE;
        }
        long me = actor.userId();
        if (actor.has(WmoIntakeModule.WORK)
                && (me == f.professionalUserId() || (f.coordinatorUserId() != null && me == f.coordinatorUserId()))) {
            return Level.STAFF;
        }
        if (f.coachUserId() != null && me == f.coachUserId()) {
            return Level.COACH;
        }
        if (f.residentUserId() != null && me == f.residentUserId()) {
            return Level.RESIDENT;
        }
        return Level.NONE;
    }
}
