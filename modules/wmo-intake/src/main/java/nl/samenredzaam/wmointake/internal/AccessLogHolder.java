package nl.samenredzaam.wmointake.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import nl.samenredzaam.wmointake.internal.coop.AccessLogSource;

/** The optional audit log reader. */
public final class AccessLogHolder {

    private final AtomicReference<AccessLogSource> source = new AtomicReference<>();

    void set(AccessLogSource s) {
        source.set(s);
    }

    void unset(AccessLogSource s) {
        source.compareAndSet(s, null);
    }

    public Optional<AccessLogSource> get() {
        return Optional.ofNullable(source.get());
    }
}
