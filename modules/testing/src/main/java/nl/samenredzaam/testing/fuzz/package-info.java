/**
 * Fuzz-test support for a module's JSON API: {@link nl.samenredzaam.testing.fuzz.ApiFuzz} calls every
 * API route that reads a body with a fuzzer's bytes (Jazzer's {@code @FuzzTest}, or any bytes) on a
 * real H2 database with the module's tables and demo data, and fails on anything the platform would
 * answer with a 500.
 */
package nl.samenredzaam.testing.fuzz;
