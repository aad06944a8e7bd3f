/**
 * The platform's consent register (AVG art. 7): a module declares the purposes it asks consent for
 * ({@link nl.samenredzaam.api.consent.ConsentPurposes}, a service), the platform shows them to the
 * person on "Mijn toestemmingen", records every give and withdraw with its time and text version,
 * and a module asks {@link nl.samenredzaam.api.consent.Consents#given} before it does what the
 * consent is for. A consent given for an older text version does not count: the person is asked
 * again.
 */
@Version("1.0.0")
@Export
package nl.samenredzaam.api.consent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
