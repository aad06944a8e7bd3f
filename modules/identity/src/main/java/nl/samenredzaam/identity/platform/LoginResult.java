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
        THROTTLED,
        /**
         * The password is right and the account has a second factor: no session yet; ask for the
         * code ({@link IdentityService#beginSecondFactor}). The account is present.
         */
        SECOND_FACTOR_REQUIRED
    }

    public static LoginResult ok(Account account) {
        return new LoginResult(Outcome.OK, Optional.of(account));
    }

    public static LoginResult secondFactor(Account account) {
        return new LoginResult(Outcome.SECOND_FACTOR_REQUIRED, Optional.of(account));
    }

    public static LoginResult failed(Outcome outcome) {
        return new LoginResult(outcome, Optional.empty());
    }
}
