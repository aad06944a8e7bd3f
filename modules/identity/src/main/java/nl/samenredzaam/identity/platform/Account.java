package nl.samenredzaam.identity.platform;

/**
 * A person's account (without the password hash).
 *
 * @param id          user id
 * @param username    sign-in name
 * @param displayName name shown to others
 * @param operator    whether the person is a platform operator
 */
public record Account(long id, String username, String displayName, boolean operator) {
}
