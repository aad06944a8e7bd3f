/**
 * Measurement instruments shared by modules (Wmo intake, welzijn op recept): Positieve Gezondheid
 * and the Zelfredzaamheidsmatrix (ZRM 2017), with the accessible spider web drawing. A library
 * bundle, not a module: it has no pages and no switch.
 */
@Version("1.1.0")
@Export
package nl.samenredzaam.instruments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
