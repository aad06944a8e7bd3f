/**
 * Module descriptions: what a module is called, which permissions it defines, which routes and menu entries it contributes. The platform discovers {@link nl.samenredzaam.api.module.Module} services; it never lists modules in code.
 * <p>1.1: {@link nl.samenredzaam.api.module.ModuleSettings}, a module setting for an initiative outside a web request.
 */
@Version("1.1.0")
@Export
package nl.samenredzaam.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
