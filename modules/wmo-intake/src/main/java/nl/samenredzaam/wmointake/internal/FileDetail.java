package nl.samenredzaam.wmointake.internal;

import java.util.List;

import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmScores;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;

/** Everything shown about one file. */
public record FileDetail(IntakeFile file, FileAccess.Level level, List<Deadline> deadlines, Conversation conversation,
        List<Link> links, List<PositiveHealthScores> positiveHealth, List<ZrmScores> zrm, String professionalName, String coachName,
        String coordinatorName) {

    public PositiveHealthScores currentPh() {
        return positiveHealth.isEmpty() ? null : positiveHealth.get(positiveHealth.size() - 1);
    }

    public PositiveHealthScores previousPh() {
        return positiveHealth.size() < 2 ? null : positiveHealth.get(positiveHealth.size() - 2);
    }

    @Override
    public String toString() {
        return "FileDetail[" + file + "]";
    }
}
