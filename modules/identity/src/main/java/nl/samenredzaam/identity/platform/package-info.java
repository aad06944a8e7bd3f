/**
 * What identity offers the platform bundles: sign-in, sessions, API tokens and the actor of a
 * request ({@link nl.samenredzaam.identity.platform.IdentityService}); members and roles
 * ({@link nl.samenredzaam.identity.platform.MemberService}); the role table per initiative
 * ({@link nl.samenredzaam.identity.platform.PermissionAdmin}); the audit log
 * ({@link nl.samenredzaam.identity.platform.AuditLogReader}); and the fixed limits
 * ({@link nl.samenredzaam.identity.platform.SecurityPolicy}). Not for modules (they see
 * {@link nl.samenredzaam.api.identity.Actor}, {@link nl.samenredzaam.api.identity.Directory} and
 * {@link nl.samenredzaam.api.web.WebRequest#audit}).
 * <p>0.2: the consent register for the web layer ({@link nl.samenredzaam.identity.platform.ConsentService}).
 */
@Version("0.2.0")
@Export
package nl.samenredzaam.identity.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
