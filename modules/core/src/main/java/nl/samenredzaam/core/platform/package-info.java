/**
 * Services that core offers to the other platform bundles (identity, web). Not for modules:
 * modules build against {@code nl.samenredzaam.api} only. Versioned, but may change with the
 * platform.
 */
@Version("0.1.0")
@Export
package nl.samenredzaam.core.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
