/**
 * E-mail to people: queued in the database in the caller's transaction and sent by the platform
 * with retries, so a message is never lost when the mail server is down.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
