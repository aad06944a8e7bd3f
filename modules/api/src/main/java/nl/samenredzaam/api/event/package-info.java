/**
 * Domain events published through OSGi Event Admin. Events carry facts and ids, never personal data.
 */
@Version("1.1.0")
@Export
package nl.samenredzaam.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
