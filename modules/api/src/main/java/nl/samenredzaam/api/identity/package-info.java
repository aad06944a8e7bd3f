/**
 * Who is acting: the signed-in person, their roles in the current initiative and their permissions.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
