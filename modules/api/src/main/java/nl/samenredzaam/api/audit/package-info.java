/**
 * The access log for client records (NEN 7513): one append-only entry per create, read, update, delete, search, export or print.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
