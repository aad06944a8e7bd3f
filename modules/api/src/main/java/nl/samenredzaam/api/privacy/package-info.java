/**
 * The privacy contract (AVG/GDPR): every module that stores personal data can export it, erase or anonymise it, and states how long it keeps it.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
