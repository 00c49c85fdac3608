/**
 * A small test API for plugin authors: run scenario text on the simulator with the kernel profiles of the running
 * platform (so a plugin's contributed special mappings take part) and assert on the outcome, from a headless
 * tycho-surefire test of the plugin's own {@code .tests} bundle.
 *
 * <pre>
 * ScenarioRun run = ScenarioCheck.run("""
 *         kernel x86_64-6.18
 *         touch [vvar]-8K 4K r
 *         """);
 * assertEquals("ok", run.result(2));
 * assertEquals("r--p", run.vma("[ticker]").perms());
 * assertEquals(1, run.faultsBy("[ticker]").size());
 * </pre>
 *
 * Failures of the API itself (a scenario that does not parse, a line without a result, no such VMA) are thrown as
 * {@link java.lang.AssertionError}s with the context in the message, so a test fails with a readable reason and the
 * API needs no test framework. See docs/plugin-guide.md.
 */
package org.mmwb.scenario.testing;
