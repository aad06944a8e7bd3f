package nl.samenredzaam.wmointake.internal;

/** The stage of a file. A file can be closed from any stage (e.g. solved together, no aanvraag needed). */
public enum FileStatus {
    /** Melding registered; conversation not yet recorded. */
    MELDING,
    /** The keukentafelgesprek is (being) recorded. */
    GESPREK,
    /** The verslag was sent to the resident. */
    VERSLAG,
    /** The resident made the aanvraag. */
    AANVRAAG,
    /** The municipality decided (beschikking). */
    BESCHIKKING,
    /** Closed. */
    GESLOTEN
}
