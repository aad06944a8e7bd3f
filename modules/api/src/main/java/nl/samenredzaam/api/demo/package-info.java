/**
 * Demo data: modules add realistic, fictional data to the demo initiative when the platform starts with --demo.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
