package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.module.Role;

/** The steps of a file after the melding, each a small form: what it needs, and what it changes. */
public final class Steps {

    /** A step; the path segment is its URL below the file. */
    public enum Step {
        PLAN("plan"), VERSLAG("verslag"), REACTIE("reactie"), AANVRAAG("aanvraag"), BESCHIKKING("beschikking"),
        SLUITEN("sluiten"), TOEWIJZING("toewijzing");

        private final String path;

        Step(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    static final int RETENTION_MIN = 1;
    static final int RETENTION_MAX = 30;

    private Steps() {
    }

    /** Checks the values; the result is the change to run when they are right. */
    static Checked<Runnable> check(Step step, IntakeFile f, Map<String, String> v, boolean hasConversation, Messages msg,
            LocalDate today, Sql sql, Members members, FileRepository files, Instant now) {
        Checked.Collector c = new Checked.Collector(msg);
        long id = f.id();
        Runnable change = switch (step) {
            case PLAN -> {
                LocalDate on = c.date("planReceivedOn", v.get("planReceivedOn"), true, f.meldingDate(), today);
                yield () -> files.planReceived(sql, id, on, now);
            }
            case VERSLAG -> {
                LocalDate on = c.date("verslagSentOn", v.get("verslagSentOn"), true, f.meldingDate(), today);
                if (!hasConversation) {
                    c.add("verslagSentOn", "error.verslag.noConversation");
                }
                yield () -> {
                    files.verslagSent(sql, id, on, now);
                    if (f.status().ordinal() > FileStatus.VERSLAG.ordinal()) {
                        files.setStatus(sql, id, f.status(), now);
                    }
                };
            }
            case REACTIE -> {
                if (f.verslagSentOn() == null) {
                    c.add("reactionOn", "error.reaction.noVerslag");
                }
                String reaction = c.text("reaction", v.get("reaction"), ConversationInput.TEXT_MAX);
                String agreedRaw = v.get("agreed");
                Boolean agreed = "ja".equals(agreedRaw) || "true".equals(agreedRaw) ? Boolean.TRUE
                        : "nee".equals(agreedRaw) || "false".equals(agreedRaw) ? Boolean.FALSE : null;
                if (agreed == null) {
                    c.add("agreed", "error.agreed.missing");
                }
                LocalDate on = c.date("reactionOn", v.get("reactionOn"), true, f.verslagSentOn(), today);
                yield () -> files.reaction(sql, id, reaction, agreed, on, now);
            }
            case AANVRAAG -> {
                LocalDate on = c.date("aanvraagOn", v.get("aanvraagOn"), true, f.meldingDate(), today);
                yield () -> {
                    files.aanvraag(sql, id, on, now);
                    if (f.status().ordinal() > FileStatus.AANVRAAG.ordinal()) {
                        files.setStatus(sql, id, f.status(), now);
                    }
                };
            }
            case BESCHIKKING -> {
                if (f.aanvraagOn() == null) {
                    c.add("beschikkingOn", "error.beschikking.noAanvraag");
                }
                LocalDate on = c.date("beschikkingOn", v.get("beschikkingOn"), true, f.aanvraagOn(), today);
                Choices.Decision d = c.choice("decision", Choices.Decision.class, v.get("decision"), true);
                String note = c.text("decisionNote", v.get("decisionNote"), 2000);
                yield () -> files.beschikking(sql, id, on, d, note, now);
            }
            case SLUITEN -> {
                LocalDate on = c.date("closedOn", v.get("closedOn"), true, f.meldingDate(), today);
                String reason = c.text("closeReason", v.get("closeReason"), 1000);
                int years = retention(c, v.get("retentionYears"), f.retentionYears());
                yield () -> files.close(sql, id, on, reason, years, now);
            }
            case TOEWIJZING -> {
                Long professional = c.id("professionalUserId", v.get("professionalUserId"));
                if (professional == null) {
                    c.add("professionalUserId", "error.professional.missing");
                } else if (!members.hasRole(sql, professional, Role.PROFESSIONAL)) {
                    c.add("professionalUserId", "error.professional.unknown");
                }
                Long coach = c.id("coachUserId", v.get("coachUserId"));
                if (coach != null && !members.hasRole(sql, coach, Role.PROFESSIONAL) && !members.hasRole(sql, coach, Role.VOLUNTEER)) {
                    c.add("coachUserId", "error.coach.unknown");
                }
                Long coordinator = c.id("coordinatorUserId", v.get("coordinatorUserId"));
                if (coordinator != null && !members.hasRole(sql, coordinator, Role.COORDINATOR)) {
                    c.add("coordinatorUserId", "error.coordinator.unknown");
                }
                yield () -> files.assign(sql, id, professional, coach, coordinator, now);
            }
        };
        return c.result(change);
    }

    static int retention(Checked.Collector c, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int years = Integer.parseInt(raw.strip());
            if (years >= RETENTION_MIN && years <= RETENTION_MAX) {
                return years;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        c.add("retentionYears", "error.retention", RETENTION_MIN, RETENTION_MAX);
        return fallback;
    }
}
