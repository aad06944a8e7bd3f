/**
 * Property tests in plain JUnit 5: {@link nl.samenredzaam.testing.property.Tries} runs a property on
 * many seeded random cases, reproducibly.
 */
package nl.samenredzaam.testing.property;
