/**
 * Data access scoped to one initiative: every statement runs in a transaction for exactly one initiative, bound by the platform, never taken from user input.
 */
@Version("1.1.0")
@Export
package nl.samenredzaam.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
