/**
 * Module descriptions: what a module is called, which permissions it defines, which routes and menu entries it contributes. The platform discovers {@link nl.samenredzaam.api.module.Module} services; it never lists modules in code.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
