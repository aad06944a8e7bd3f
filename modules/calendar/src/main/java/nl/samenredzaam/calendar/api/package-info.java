/**
 * What the activity calendar offers other modules (welzijn op recept, volunteering, Wmo intake):
 * find upcoming activities, register someone, and learn about their attendance. Use it through an
 * optional, dynamic reference: the calendar may not be installed or enabled for the initiative.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.calendar.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
