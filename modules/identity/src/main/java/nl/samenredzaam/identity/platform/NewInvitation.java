package nl.samenredzaam.identity.platform;

import nl.samenredzaam.api.module.Role;

/**
 * An invitation to be sent.
 *
 * @param email       where the invitation goes
 * @param displayName the invited person's name
 * @param role        the role they get in the initiative when they accept
 */
public record NewInvitation(String email, String displayName, Role role) {
}
