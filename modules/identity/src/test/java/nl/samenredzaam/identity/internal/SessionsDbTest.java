package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.Session;

class SessionsDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSessionCarriesTheAccountACsrfTokenAndItsAbsoluteEnd(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Session session = f.service.createSession(ria.id());
        assertEquals(ria, session.account());
        assertEquals(f.clock.instant().plus(SecurityPolicy.SESSION_ABSOLUTE_TIMEOUT), session.expiresAt());
        assertTrue(Secrets.plausible(session.id(), ""));
        assertTrue(Secrets.plausible(session.csrfToken(), ""));
        assertEquals(session, f.service.session(session.id()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everySignInGetsANewIdAndCsrfToken(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Session a = f.service.createSession(ria.id());
        Session b = f.service.createSession(ria.id());
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyTheHashOfTheIdIsStored(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Session session = f.service.createSession(ria.id());
        List<String> stored = f.database.db.global(sql -> sql.list("select id_hash from identity_session where user_id = :u",
                r -> r.getString(1), "u", ria.id()));
        assertEquals(List.of(Secrets.sha256(session.id())), stored);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void useExtendsTheIdleTimeUntilThirtyMinutesWithoutUse(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Session session = f.service.createSession(f.person(Role.RESIDENT).id());
        f.clock.advance(Duration.ofMinutes(29));
        assertTrue(f.service.session(session.id()).isPresent());
        f.clock.advance(Duration.ofMinutes(29));
        assertTrue(f.service.session(session.id()).isPresent(), "58 minutes after sign-in, 29 after last use");
        f.clock.advance(SecurityPolicy.SESSION_IDLE_TIMEOUT);
        assertTrue(f.service.session(session.id()).isEmpty());
        assertTrue(f.service.session(session.id()).isEmpty(), "an expired session is gone for good");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSessionEndsTwelveHoursAfterSignInHoweverActive(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Session session = f.service.createSession(f.person(Role.RESIDENT).id());
        Duration step = Duration.ofMinutes(20);
        long steps = SecurityPolicy.SESSION_ABSOLUTE_TIMEOUT.dividedBy(step);
        for (int i = 1; i < steps; i++) {
            f.clock.advance(step);
            assertTrue(f.service.session(session.id()).isPresent(), "after " + i * 20 + " minutes");
        }
        f.clock.advance(step);
        assertTrue(f.service.session(session.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void signingOutEndsTheSession(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.RESIDENT);
        Session a = f.service.createSession(ria.id());
        Session b = f.service.createSession(ria.id());
        f.service.endSession(a.id());
        assertTrue(f.service.session(a.id()).isEmpty());
        assertTrue(f.service.session(b.id()).isPresent());
        f.service.endAllSessions(ria.id());
        assertTrue(f.service.session(b.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void disablingAnAccountEndsItsSessions(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.RESIDENT);
        Session session = f.service.createSession(ria.id());
        f.disable(ria.id());
        assertTrue(f.service.session(session.id()).isEmpty());
        assertTrue(f.service.isDisabled(ria.id()));
        assertProblem(404, () -> f.service.createSession(ria.id()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void unknownAndMalformedIdsFindNothing(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        assertTrue(f.service.session(Secrets.random()).isEmpty());
        assertTrue(f.service.session(null).isEmpty());
        assertTrue(f.service.session("' or 1=1 --").isEmpty());
        f.service.endSession("nonsense");
        assertProblem(404, () -> f.service.createSession(-5));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sessionsSurviveARestart(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Session session = f.service.createSession(f.person(Role.RESIDENT).id());
        IdentityServiceImpl afterRestart = new IdentityServiceImpl(f.database.db, f.modules, f.clock, Fixture.CHEAP);
        assertEquals(session, afterRestart.session(session.id()).orElseThrow());
        assertFalse(afterRestart.session(session.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sessionsAreListedOneByOneAndEachCanBeEnded(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Account other = f.person(Role.VOLUNTEER);
        Session phone = f.service.createSession(ria.id(), "Safari, iPhone");
        f.clock.advance(Duration.ofMinutes(2));
        Session library = f.service.createSession(ria.id(), "Chrome, Windows");
        f.clock.advance(Duration.ofMinutes(2));
        Session here = f.service.createSession(ria.id(), "x".repeat(300));
        Session others = f.service.createSession(other.id(), "Firefox, Linux");

        List<nl.samenredzaam.identity.platform.SessionInfo> list = f.service.sessions(ria.id(), here.id());
        assertEquals(3, list.size());
        assertEquals(100, list.get(0).device().length(), "newest first, the description cut to 100");
        assertTrue(list.get(0).current());
        assertFalse(list.get(1).current() || list.get(2).current());
        assertEquals("Chrome, Windows", list.get(1).device());
        assertEquals("Safari, iPhone", list.get(2).device());
        String json = list.toString();
        assertFalse(json.contains(Secrets.sha256(library.id())) || json.contains(library.id()), "neither the id nor its hash");

        assertFalse(f.service.endSession(other.id(), list.get(1).handle()), "another person's session is not theirs to end");
        assertFalse(f.service.endSession(ria.id(), "not-a-handle"));
        assertTrue(f.service.endSession(ria.id(), list.get(1).handle()));
        assertTrue(f.service.session(library.id()).isEmpty(), "the library session ended");
        assertTrue(f.service.session(phone.id()).isPresent() && f.service.session(here.id()).isPresent());
        assertTrue(f.service.session(others.id()).isPresent());
        assertEquals(2, f.service.sessions(ria.id(), null).size());

        f.clock.advance(SecurityPolicy.SESSION_IDLE_TIMEOUT.plusMinutes(1));
        assertTrue(f.service.sessions(ria.id(), null).isEmpty(), "idle sessions are not listed");
    }
}
