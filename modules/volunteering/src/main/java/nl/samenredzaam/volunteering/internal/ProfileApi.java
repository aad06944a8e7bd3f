package nl.samenredzaam.volunteering.internal;

import java.util.Map;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** JSON API for volunteer profiles: {@code /profiles}, {@code /profiles/me}, {@code /profiles/{userId}/vog}. */
final class ProfileApi {

    private final ProfileRepository profiles;
    private final RequestRepository requests;
    private final Web web;

    ProfileApi(ProfileRepository profiles, RequestRepository requests, Web web) {
        this.profiles = profiles;
        this.requests = requests;
        this.web = web;
    }

    WebResponse list(WebRequest req) {
        Map<Long, Integer> loads = requests.currentLoads(req.sql());
        return WebResponse.json(profiles.all(req.sql()).stream()
                .map(p -> ProfileView.of(p, web.today(), loads.getOrDefault(p.userId(), 0))).toList());
    }

    WebResponse mine(WebRequest req) {
        long me = req.requireActor().userId();
        return WebResponse.json(profiles.ofUser(req.sql(), me)
                .map(p -> ProfileView.of(p, web.today(), requests.currentLoads(req.sql()).getOrDefault(me, 0)))
                .orElseThrow(ProblemException::notFound));
    }

    WebResponse saveMine(WebRequest req) {
        var actor = req.requireActor();
        ProfileForm form = req.body(ProfileForm.class);
        Map<String, String> problems = ProfileForm.problems();
        var input = form.check(req.messages(), actor.displayName(), problems, Categories.of(req));
        if (input == null) {
            throw ProblemException.invalidFields(problems);
        }
        profiles.save(req.sql(), actor.userId(), input, web.now());
        return mine(req);
    }

    WebResponse saveVog(WebRequest req) {
        long userId = req.pathId("userId");
        ProfileForm.VogForm form = req.body(ProfileForm.VogForm.class);
        Map<String, String> problems = ProfileForm.problems();
        var checked = form.check(req.messages(), web.today(), problems);
        if (checked == null) {
            throw ProblemException.invalidFields(problems);
        }
        if (!profiles.saveVog(req.sql(), userId, checked.status(), checked.issuedOn(), checked.profile(), web.now())) {
            throw ProblemException.notFound();
        }
        return WebResponse.json(ProfileView.of(profiles.ofUser(req.sql(), userId).orElseThrow(), web.today(),
                requests.currentLoads(req.sql()).getOrDefault(userId, 0)));
    }
}
