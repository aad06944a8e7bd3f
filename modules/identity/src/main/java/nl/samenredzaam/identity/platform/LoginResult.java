package nl.samenredzaam.identity.platform;

import java.util.Optional;

/**
 * The outcome of a sign-in attempt. The reason is deliberately the same for an unknown user and a
 * wrong password.
 *
 * @param outcome what happened
 * @param account the account on success
 */
public record LoginResult(Outcome outcome, Optional<Account> account) {

    /** Sign-in outcomes. */
    public enum Outcome {
        OK,
        /** Unknown user name or wrong password. */
        BAD_CREDENTIALS,
        /** Too many failed attempts for this account or address; try again later. */
        THROTTLED
    }

    public static LoginResult ok(Account account) {
        return new LoginResult(Outcome.OK, Optional.of(account));
    }

    public static LoginResult failed(Outcome outcome) {
        return new LoginResult(outcome, Optional.empty());
    }
}
