/**
 * What volunteer matching offers other modules (welzijn op recept, Wmo intake): ask for a buddy
 * or practical help for a person and follow its status. Use it through an optional, dynamic
 * reference: volunteering may not be installed or enabled for the initiative.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.volunteering.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
