package nl.samenredzaam.volunteering.internal;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

/** Tells the people involved that a request changed (by e-mail when the platform can send it). */
public interface Notifier {

    Notifier NONE = (sql, request, from) -> {
    };

    /** Called in the same transaction, after a request was created ({@code from == null}) or moved. */
    void changed(Sql sql, HelpRequest request, State from);
}
