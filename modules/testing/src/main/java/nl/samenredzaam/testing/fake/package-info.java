/**
 * Fakes for plain JUnit 5 unit tests of a module, without a running platform: a
 * {@link nl.samenredzaam.testing.fake.FakeWebRequest request} with an initiative, an actor, form
 * fields or a JSON body, whose answer ({@link nl.samenredzaam.testing.fake.TestResponse}) you assert
 * on; a {@link nl.samenredzaam.testing.fake.MutableClock settable clock}; an
 * {@link nl.samenredzaam.testing.fake.InMemoryDatabase in-memory database} that runs the module's
 * own changelog and enforces the {@code :initiative} rule like the platform; and recording fakes of
 * the platform services a module uses ({@link nl.samenredzaam.testing.fake.RecordingAudit},
 * {@link nl.samenredzaam.testing.fake.RecordingMailer},
 * {@link nl.samenredzaam.testing.fake.RecordingEventAdmin},
 * {@link nl.samenredzaam.testing.fake.FakeDirectory},
 * {@link nl.samenredzaam.testing.fake.FakeModuleSwitches},
 * {@link nl.samenredzaam.testing.fake.FakeModuleSettings},
 * {@link nl.samenredzaam.testing.fake.FakeDemoContext}) and a check of the module's messages
 * ({@link nl.samenredzaam.testing.fake.ModuleMessages}).
 */
package nl.samenredzaam.testing.fake;
