package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditEntry;
import nl.samenredzaam.identity.platform.AuditLogReader;
import nl.samenredzaam.identity.platform.AuditPage;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.MemberService;

/**
 * {@code beheer/logboek}: the initiative's audit log (NEN 7513) with filters, paging and a CSV
 * export. Reading the log is itself never logged; exporting it is (action EXPORT).
 */
public final class AuditPages {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;
    /** Most entries in one CSV export. */
    static final int CSV_MAX = 50_000;

    /** One line as shown. */
    public record Row(String at, String who, String roles, String action, String record, String client, String purpose,
            boolean success, String origin) {
    }

    private final IdentityService identity;
    private final Responses responses;

    /** {@code GET /platform/mijn-logboek/{slug}}: a member sees who did what with records about them (their right to know). */
    void aboutMe(Exchange ex, nl.samenredzaam.api.initiative.Initiative initiative) throws IOException {
        Exchange.requireMethod(ex, "GET");
        java.util.Optional<nl.samenredzaam.api.identity.Actor> actor = ex.account().map(a -> identity.actor(a, initiative));
        if (actor.isEmpty()) {
            ex.response.setStatus(303);
            ex.response.setHeader("Location", "/login?returnTo=/platform/mijn-logboek/" + initiative.slug());
            return;
        }
        if (actor.get().roles().isEmpty()) {
            throw ProblemException.forbidden();
        }
        AuditLogReader reader = PageServices.current().auditLog()
                .orElseThrow(() -> new ProblemException(503, "Het logboek is nu niet beschikbaar / the audit log is not available"));
        Messages msg = Shell.messages(ex);
        int offset = 0;
        try {
            offset = Math.max(0, Integer.parseInt(param(ex, "vanaf").isEmpty() ? "0" : param(ex, "vanaf")));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        AuditPage result = reader.readAboutMe(actor.get(), initiative, offset, PAGE_SIZE);
        Map<Long, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : result.entries()) {
            rows.add(row(e, msg, ex.locale(), names));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("rows", rows);
        params.put("base", "/platform/mijn-logboek/" + initiative.slug());
        params.put("previous", offset > 0 ? Math.max(0, offset - PAGE_SIZE) : -1);
        params.put("next", result.more() ? offset + PAGE_SIZE : -1);
        Html content = Templates.render("my-log.jte", params);
        responses.write(ex, WebResponse.page(msg.get("myLog.title"), content), new Shell.Context(initiative, actor, null));
    }

    AuditPages(IdentityService identity, Responses responses) {
        this.identity = identity;
        this.responses = responses;
    }

    void handle(AdminPages.Page page, List<String> rest) throws IOException {
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "GET");
        AuditLogReader reader = PageServices.current().auditLog()
                .orElseThrow(() -> new ProblemException(503, "Het logboek is nu niet beschikbaar / the audit log is not available"));
        if (page.by().roles().contains(nl.samenredzaam.api.module.Role.ADMIN) && !identity.hasSecondFactor(page.by().userId())) {
            // NEN 7513 logs are care data about many people: only with two-step verification (the API answers the same)
            Map<String, Object> params = new HashMap<>();
            params.put("text", page.msg().get("audit.needsSecondFactor"));
            params.put("linkHref", "/account#tweestaps");
            params.put("linkText", page.msg().get("audit.setUpSecondFactor"));
            responses.write(ex, WebResponse.page(page.msg().get("audit.title"), Templates.render("notice.jte", params)).status(403),
                    page.context());
            return;
        }
        Form form = Form.empty();
        AuditQuery query = query(page, form);
        boolean csv = rest.get(0).endsWith(".csv");
        if (csv) {
            if (form.hasErrors()) {
                throw ProblemException.badRequest(String.join("; ", form.errors().values()));
            }
            csv(page, reader, query);
            return;
        }
        int offset = form.hasErrors() ? 0 : query.offset();
        AuditPage result = form.hasErrors() ? new AuditPage(List.of(), false) : reader.read(page.by(), page.initiative(), query);
        Map<Long, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : result.entries()) {
            rows.add(row(e, page.msg(), ex.locale(), names));
        }
        Map<String, Object> params = AdminPages.base(page, "audit");
        params.put("rows", rows);
        params.put("form", form);
        params.put("filter", filterQuery(form));
        params.put("previous", offset > 0 ? Math.max(0, offset - PAGE_SIZE) : -1);
        params.put("next", result.more() ? offset + PAGE_SIZE : -1);
        params.put("from", offset + 1);
        Html content = Templates.render("audit.jte", params);
        responses.write(ex, WebResponse.page(page.msg().get("audit.title"), content).status(form.hasErrors() ? 400 : 200), page.context());
    }

    /** The query from the filter fields; mistakes go into {@code form}. */
    private AuditQuery query(AdminPages.Page page, Form form) {
        Exchange ex = page.ex();
        Messages msg = page.msg();
        AuditQuery query = AuditQuery.all(PAGE_SIZE);
        String from = param(ex, "van");
        String until = param(ex, "tot");
        String user = param(ex, "gebruiker");
        String type = param(ex, "soort");
        String about = param(ex, "over");
        form.value("van", from).value("tot", until).value("gebruiker", user).value("soort", type).value("over", about);
        Instant start = date(from, "van", form, msg, 0);
        Instant end = date(until, "tot", form, msg, 1);
        if (start != null && end != null && !start.isBefore(end)) {
            form.error("tot", msg.get("audit.untilBeforeFrom"));
        }
        query = query.between(start, end);
        if (!user.isEmpty()) {
            MemberService members = PageServices.current().members().orElse(null);
            Account account = members == null ? null : members.findAccount(page.by(), page.initiative(), user).orElse(null);
            if (account == null) {
                form.error("gebruiker", msg.get("audit.unknownUser"));
            } else {
                query = query.withUser(account.id());
            }
        }
        if (!about.isEmpty()) {
            MemberService members = PageServices.current().members().orElse(null);
            Account account = members == null ? null : members.findAccount(page.by(), page.initiative(), about).orElse(null);
            if (account == null) {
                form.error("over", msg.get("audit.unknownUser"));
            } else {
                query = query.withClient(account.id());
            }
        }
        if (!type.isEmpty()) {
            query = query.withRecordType(type);
        }
        int offset = 0;
        try {
            offset = Math.max(0, Integer.parseInt(param(ex, "vanaf").isEmpty() ? "0" : param(ex, "vanaf")));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        return query.page(offset, PAGE_SIZE);
    }

    private static Instant date(String value, String field, Form form, Messages msg, int plusDays) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(Dates.AMSTERDAM).toInstant();
        } catch (DateTimeParseException e) {
            form.error(field, msg.get("audit.badDate"));
            return null;
        }
    }

    private static String param(Exchange ex, String name) {
        String v = ex.request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    private static String filterQuery(Form form) {
        StringBuilder q = new StringBuilder();
        for (String field : List.of("van", "tot", "gebruiker", "over", "soort")) {
            if (!form.get(field).isEmpty()) {
                q.append('&').append(field).append('=').append(java.net.URLEncoder.encode(form.get(field), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    Row row(AuditEntry e, Messages msg, Locale locale, Map<Long, String> names) {
        String who = e.userId() == null ? msg.get("audit.nobody") : name(e.userId(), names);
        if (e.onBehalfOf() != null) {
            who = msg.get("audit.onBehalfOf", who, name(e.onBehalfOf(), names));
        }
        String client = e.clientId() != null ? name(e.clientId(), names) : e.clientRef() == null ? "" : e.clientRef();
        String record = e.recordType() + (e.recordId() == null ? "" : " #" + e.recordId());
        return new Row(Dates.dateTime(e.at(), locale), who, MemberPages.roleText(e.roles(), locale), msg.get("audit.action." + e.action()),
                record, client, e.purpose(), e.success(), e.origin() == null ? "" : e.origin());
    }

    private String name(long userId, Map<Long, String> names) {
        return names.computeIfAbsent(userId, id -> identity.account(id).map(a -> a.displayName() + " (" + a.username() + ")")
                .orElse("#" + id));
    }

    private void csv(AdminPages.Page page, AuditLogReader reader, AuditQuery first) throws IOException {
        Exchange ex = page.ex();
        Messages msg = page.msg();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(";", msg.get("audit.col.at"), msg.get("audit.col.who"), msg.get("audit.col.roles"),
                msg.get("audit.col.action"), msg.get("audit.col.record"), msg.get("audit.col.client"), msg.get("audit.col.purpose"),
                msg.get("audit.col.success"), msg.get("audit.col.origin"))).append("\r\n");
        Map<Long, String> names = new HashMap<>();
        AuditQuery query = first.page(0, AuditQuery.MAX_LIMIT);
        int count = 0;
        while (true) {
            AuditPage result = reader.read(page.by(), page.initiative(), query);
            for (AuditEntry e : result.entries()) {
                Row r = row(e, msg, ex.locale(), names);
                out.append(String.join(";", cell(Dates.sortable(e.at())), cell(r.who()), cell(r.roles()), cell(r.action()), cell(r.record()),
                        cell(r.client()), cell(r.purpose()), cell(r.success() ? msg.get("audit.yes") : msg.get("audit.no")),
                        cell(r.origin()))).append("\r\n");
                count++;
            }
            if (!result.more() || count >= CSV_MAX) {
                break;
            }
            query = query.page(query.offset() + AuditQuery.MAX_LIMIT, AuditQuery.MAX_LIMIT);
        }
        identity.audit(page.initiative(), page.by(),
                new AuditEvent(AuditEvent.Action.EXPORT, "identity.audit-log", null, null, null, "accountability", true), ex.remoteAddress());
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        ex.response.setStatus(200);
        ex.response.setHeader("Cache-Control", "no-store");
        ex.response.setHeader("Content-Disposition", "attachment; filename=\"logboek-" + page.initiative().slug() + ".csv\"");
        ex.response.setContentType("text/csv;charset=UTF-8");
        ex.response.setContentLength(bytes.length);
        ex.response.getOutputStream().write(bytes);
    }

    /** A CSV cell: quoted, and a leading {@code = + - @} neutralised so spreadsheets do not run it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
