/**
 * HTTP contributions of a module: routes handled by the platform's front dispatcher, requests, responses and problem errors.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
