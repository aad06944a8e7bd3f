/**
 * Scheduled work of modules (reminders, deadline warnings, retention), run by the platform once
 * per cluster for every initiative that has the module enabled.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
