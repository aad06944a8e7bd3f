package nl.samenredzaam.api.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;

/**
 * A request the platform hands to a module's {@link Handler}, after it has found the initiative,
 * checked that the module is enabled for it and that the actor has the route's permission.
 */
@ProviderType
public interface WebRequest {

    /** The initiative from the URL; never from a parameter or the body. */
    Initiative initiative();

    /** The signed-in person, if any. */
    Optional<Actor> actor();

    /** The signed-in person; a 401 problem when nobody is signed in. */
    Actor requireActor();

    /** Whether the actor has this permission in the current initiative. */
    boolean isAllowed(String permission);

    /** The language of the answer: Dutch unless the person chose English. */
    Locale locale();

    /** The messages of the module that owns the route, in {@link #locale()}. */
    Messages messages();

    /** HTTP method, upper case. */
    String method();

    /** The value of a {@code {name}} segment of the route path. */
    String pathParam(String name);

    /** A path parameter as a number; a 404 problem when it is not one. */
    long pathId(String name);

    Optional<String> query(String name);

    /** A field of a submitted form ({@code application/x-www-form-urlencoded}), trimmed; empty if blank. */
    Optional<String> form(String name);

    /** All values of a repeated form field, such as a group of check boxes. */
    List<String> formValues(String name);

    /**
     * The JSON body read into {@code type} (a record or a class with Jackson annotations). Unknown
     * fields, wrong types and malformed JSON become a 400 problem naming the field; bodies over
     * the platform's limit a 413.
     */
    <T> T body(Class<T> type);

    /** The raw body; bodies over the platform's limit are a 413 problem. */
    byte[] bodyBytes();

    Optional<String> header(String name);

    /** The client address, as seen through a trusted reverse proxy when one is configured. */
    String remoteAddress();

    /**
     * Data access for this request's initiative, in one transaction that commits when the handler
     * returns normally and rolls back when it throws.
     */
    Sql sql();

    /** The value of one of the module's {@link nl.samenredzaam.api.module.Setting settings} for this initiative. */
    String setting(String key);

    /** An absolute path within the initiative: {@code link("/calendar")} is {@code /{slug}/calendar}. */
    String link(String pathInInitiative);

    /** The absolute URL of a path within the initiative, e.g. for an iCalendar DESCRIPTION or an e-mail. */
    String absoluteUrl(String pathInInitiative);

    /** The CSRF token every HTML form must send back as the field {@code _csrf}. */
    String csrfToken();

    /**
     * Writes an access log entry for a client record, with the actor, the person they act for,
     * the time and the origin address filled in by the platform.
     */
    void audit(AuditEvent event);
}
