/**
 * Initiatives (tenants): the resident groups that share one platform.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.initiative;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
