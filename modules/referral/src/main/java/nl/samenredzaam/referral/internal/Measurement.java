package nl.samenredzaam.referral.internal;

import nl.samenredzaam.instruments.PositiveHealthScores;

/** A Positieve Gezondheid measurement at intake or at closing. */
public record Measurement(Kind kind, PositiveHealthScores scores) {

    /** When in the trajectory it was taken. */
    public enum Kind {
        INTAKE, CLOSING
    }
}
