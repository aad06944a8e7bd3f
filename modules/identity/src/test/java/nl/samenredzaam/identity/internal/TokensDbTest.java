package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertFieldProblem;
import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.TokenInfo;

class TokensDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTokenIdentifiesItsAccountUntilRevoked(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        String token = f.service.issueToken(ria.id(), "agenda-export", Duration.ofDays(30));
        assertTrue(token.matches("sr_[A-Za-z0-9_-]{43}"), token);
        assertEquals(Optional.of(ria), f.service.accountForToken(token));
        f.service.revokeToken(token);
        assertEquals(Optional.empty(), f.service.accountForToken(token));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyTheHashIsStored(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        String token = f.service.issueToken(ria.id(), "script", null);
        List<String> stored = f.database.db.global(sql -> sql.list("select token_hash from identity_token where user_id = :u",
                r -> r.getString(1), "u", ria.id()));
        assertEquals(List.of(Secrets.sha256(token)), stored);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTokenExpires(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        String token = f.service.issueToken(ria.id(), "kort", Duration.ofHours(12));
        f.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertTrue(f.service.accountForToken(token).isPresent());
        f.clock.advance(Duration.ofSeconds(1));
        assertTrue(f.service.accountForToken(token).isEmpty());

        String standard = f.service.issueToken(ria.id(), "standaard", null);
        TokenInfo info = f.service.tokens(ria.id()).get(0);
        assertEquals(f.clock.instant().plus(SecurityPolicy.TOKEN_DEFAULT_VALIDITY), info.expiresAt());
        assertTrue(f.service.accountForToken(standard).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theOwnerSeesTokensWithoutSecretsAndRevokesThem(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Account henk = f.person(Role.RESIDENT);
        String first = f.service.issueToken(ria.id(), "eerste", null);
        f.clock.advance(Duration.ofMinutes(5));
        f.service.issueToken(ria.id(), "tweede", null);
        assertNull(f.service.tokens(ria.id()).get(1).lastUsed());
        f.service.accountForToken(first);

        List<TokenInfo> tokens = f.service.tokens(ria.id());
        assertEquals(List.of("tweede", "eerste"), tokens.stream().map(TokenInfo::label).toList());
        assertEquals(f.clock.instant(), tokens.get(1).lastUsed());

        assertProblem(404, () -> f.service.revokeToken(henk.id(), tokens.get(1).id()));
        assertTrue(f.service.accountForToken(first).isPresent(), "someone else cannot revoke it");
        f.service.revokeToken(ria.id(), tokens.get(1).id());
        assertTrue(f.service.accountForToken(first).isEmpty());
        assertEquals(f.clock.instant(), f.service.tokens(ria.id()).get(1).revokedAt());
        assertTrue(f.service.tokens(henk.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDisabledAccountsTokensStopWorking(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        String token = f.service.issueToken(ria.id(), "script", null);
        f.disable(ria.id());
        assertTrue(f.service.accountForToken(token).isEmpty());
        assertProblem(404, () -> f.service.issueToken(ria.id(), "nog een", null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void labelAndValidityAreChecked(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        assertFieldProblem(Set.of("validFor"), () -> f.service.issueToken(ria.id(), "x", Duration.ZERO));
        assertFieldProblem(Set.of("validFor"), () -> f.service.issueToken(ria.id(), "x", SecurityPolicy.TOKEN_MAX_VALIDITY.plusDays(1)));
        assertFieldProblem(Set.of("label"), () -> f.service.issueToken(ria.id(), " ", null));
        assertFieldProblem(Set.of("label"), () -> f.service.issueToken(ria.id(), "x".repeat(101), null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void malformedTokensFindNothing(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        assertTrue(f.service.accountForToken(null).isEmpty());
        assertTrue(f.service.accountForToken("sr_").isEmpty());
        assertTrue(f.service.accountForToken(Secrets.token()).isEmpty());
        assertTrue(f.service.accountForToken(Secrets.random()).isEmpty());
        f.service.revokeToken("sr_nonsense");
    }
}
