package nl.samenredzaam.wmointake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmScores;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;

/** A file as JSON-ready maps: the API's file answer, the export and the privacy export use it. */
final class Export {

    private Export() {
    }

    static Map<String, Object> of(FileDetail d) {
        IntakeFile f = d.file();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("status", f.status().name());
        m.put("access", d.level().name());
        Map<String, Object> resident = new LinkedHashMap<>();
        resident.put("userId", f.residentUserId());
        resident.put("name", f.residentName());
        resident.put("phone", f.residentPhone());
        m.put("resident", resident);
        Map<String, Object> melding = new LinkedHashMap<>();
        melding.put("date", str(f.meldingDate()));
        melding.put("reportedBy", f.reportedBy());
        melding.put("reporterName", f.reporterName());
        melding.put("channel", f.channel());
        melding.put("requestText", f.requestText());
        melding.put("consentProcessing", f.consentProcessing());
        melding.put("consentMunicipality", f.consentMunicipality());
        melding.put("consentGp", f.consentGp());
        melding.put("wantsCoach", f.wantsCoach());
        m.put("melding", melding);
        Map<String, Object> assigned = new LinkedHashMap<>();
        assigned.put("professionalUserId", f.professionalUserId());
        assigned.put("professionalName", d.professionalName());
        assigned.put("coachUserId", f.coachUserId());
        assigned.put("coachName", d.coachName());
        assigned.put("coordinatorUserId", f.coordinatorUserId());
        assigned.put("coordinatorName", d.coordinatorName());
        m.put("assigned", assigned);
        List<Object> deadlines = new ArrayList<>();
        for (Deadline t : d.deadlines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", t.kind().key());
            x.put("start", str(t.start()));
            x.put("due", str(t.due()));
            x.put("metOn", str(t.metOn()));
            x.put("state", t.state().name());
            x.put("daysLeft", t.daysLeft());
            x.put("late", t.late());
            deadlines.add(x);
        }
        m.put("deadlines", deadlines);
        Conversation c = d.conversation();
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("heldOn", str(c.heldOn()));
        conv.put("present", c.present());
        for (String field : Conversation.FIELDS) {
            conv.put(field, c.field(field));
        }
        m.put("conversation", conv);
        List<Object> links = new ArrayList<>();
        for (Link l : d.links()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", l.id());
            x.put("kind", l.kind().name());
            x.put("externalId", l.externalId());
            x.put("title", l.title());
            x.put("startsAt", l.startsAt() == null ? null : l.startsAt().toString());
            links.add(x);
        }
        m.put("links", links);
        m.put("positiveHealth", d.positiveHealth().stream().map(Export::ph).toList());
        m.put("zrm", d.zrm().stream().map(Export::zrm).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("planReceivedOn", str(f.planReceivedOn()));
        after.put("verslagSentOn", str(f.verslagSentOn()));
        after.put("reaction", f.reaction());
        after.put("agreed", f.agreed());
        after.put("reactionOn", str(f.reactionOn()));
        after.put("aanvraagOn", str(f.aanvraagOn()));
        after.put("beschikkingOn", str(f.beschikkingOn()));
        after.put("decision", f.decision());
        after.put("decisionNote", f.decisionNote());
        after.put("closedOn", str(f.closedOn()));
        after.put("closeReason", f.closeReason());
        after.put("retentionYears", f.retentionYears());
        m.put("progress", after);
        return m;
    }

    static Map<String, Object> ph(PositiveHealthScores s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("measuredOn", s.measuredOn().toString());
        Map<String, Object> scores = new LinkedHashMap<>();
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            scores.put(d.key(), s.score(d));
        }
        x.put("scores", scores);
        x.put("wantToTalk", s.wantToTalk().stream().sorted().map(PositiveHealthDimension::key).toList());
        return x;
    }

    static Map<String, Object> zrm(ZrmScores s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("measuredOn", s.measuredOn().toString());
        Map<String, Object> scores = new LinkedHashMap<>();
        s.scores().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> scores.put(e.getKey().key(), e.getValue()));
        x.put("scores", scores);
        return x;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
