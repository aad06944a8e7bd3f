package nl.samenredzaam.wmointake.internal;

import nl.samenredzaam.wmointake.internal.deadline.Deadline;

/** A line of the work queue: the file and the term that comes first. */
public record QueueRow(IntakeFile file, Deadline next, String professionalName, boolean overdue) {
    @Override
    public String toString() {
        return "QueueRow[" + file + "]";
    }
}
