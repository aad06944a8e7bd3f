package nl.samenredzaam.volunteering.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** A volunteer's own profile; the coordinator's list of volunteers and their VOG. */
final class ProfilePages {

    private final ProfileRepository profiles;
    private final Web web;

    ProfilePages(ProfileRepository profiles, Web web) {
        this.profiles = profiles;
        this.web = web;
    }

    WebResponse form(WebRequest req) {
        long me = req.requireActor().userId();
        ProfileForm form = profiles.ofUser(req.sql(), me).map(ProfileForm::of)
                .orElse(new ProfileForm(List.of(), "", List.of(), List.of(), false, "Nederlands", true));
        return showForm(req, form, Map.of(), profiles.ofUser(req.sql(), me).map(p -> ProfileView.of(p, web.today(), 0)).orElse(null),
                req.query("saved").isPresent(), 200);
    }

    WebResponse save(WebRequest req) {
        var actor = req.requireActor();
        String areas = req.form("neighbourhoods").orElse("");
        ProfileForm form = new ProfileForm(req.formValues("skills"), req.form("interests").orElse(""), req.formValues("slot"),
                List.of(areas.split(",")), req.form("hasCar").isPresent(), req.form("languages").orElse(""),
                req.form("active").isPresent());
        Map<String, String> problems = ProfileForm.problems();
        var input = form.check(req.messages(), actor.displayName(), problems, Categories.of(req));
        if (input == null) {
            return showForm(req, form, problems, null, false, 400);
        }
        profiles.save(req.sql(), actor.userId(), input, web.now());
        return WebResponse.redirect(req.link("/volunteering/profiel?saved=1"));
    }

    private WebResponse showForm(WebRequest req, ProfileForm form, Map<String, String> problems, ProfileView current, boolean saved,
            int status) {
        Messages msg = req.messages();
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("csrf", req.csrfToken());
        p.put("input", form);
        p.put("problems", problems);
        p.put("categories", Categories.of(req));
        p.put("current", current);
        p.put("saved", saved);
        p.put("action", req.link("/volunteering/profiel"));
        return WebResponse.page(msg.get("profile.title"), Templates.render("profile.jte", p)).status(status);
    }

    WebResponse list(WebRequest req) {
        Messages msg = req.messages();
        Map<Long, Integer> loads = new RequestRepository().currentLoads(req.sql());
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("profiles", profiles.all(req.sql()).stream().map(x -> ProfileView.of(x, web.today(), loads.getOrDefault(x.userId(), 0)))
                .toList());
        p.put("base", req.link("/volunteering"));
        p.put("categories", Categories.of(req));
        return WebResponse.page(msg.get("volunteers.title"), Templates.render("volunteers.jte", p));
    }

    WebResponse vogForm(WebRequest req) {
        Profile profile = profiles.ofUser(req.sql(), req.pathId("userId")).orElseThrow(ProblemException::notFound);
        ProfileView view = ProfileView.of(profile, web.today(), 0);
        return showVog(req, view, new ProfileForm.VogForm(profile.vogStatus().name(),
                profile.vogIssuedOn() == null ? "" : profile.vogIssuedOn().toString(), profile.vogProfile()), Map.of(), 200);
    }

    WebResponse saveVog(WebRequest req) {
        long userId = req.pathId("userId");
        Profile profile = profiles.ofUser(req.sql(), userId).orElseThrow(ProblemException::notFound);
        ProfileForm.VogForm form = new ProfileForm.VogForm(req.form("status").orElse(""), req.form("issuedOn").orElse(""),
                req.form("screeningProfile").orElse(""));
        Map<String, String> problems = ProfileForm.problems();
        var checked = form.check(req.messages(), web.today(), problems);
        if (checked == null) {
            return showVog(req, ProfileView.of(profile, web.today(), 0), form, problems, 400);
        }
        profiles.saveVog(req.sql(), userId, checked.status(), checked.issuedOn(), checked.profile(), web.now());
        return WebResponse.redirect(req.link("/volunteering/vrijwilligers"));
    }

    private WebResponse showVog(WebRequest req, ProfileView view, ProfileForm.VogForm form, Map<String, String> problems, int status) {
        Messages msg = req.messages();
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("csrf", req.csrfToken());
        p.put("v", view);
        p.put("input", form);
        p.put("problems", problems);
        p.put("action", req.link("/volunteering/vrijwilligers/" + view.userId()));
        p.put("backHref", req.link("/volunteering/vrijwilligers"));
        return WebResponse.page(msg.get("vog.title", view.displayName()), Templates.render("vog.jte", p)).status(status);
    }
}
