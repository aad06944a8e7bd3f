/**
 * Texts in Dutch (B1, the default) and English.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.i18n;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
