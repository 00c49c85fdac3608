/**
 * The mmwb scenario language ({@code .mms}, docs/scenarios.md): parser, runner, report writers and comparison.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.mmwb.scenario.OperationTable} — one declaration per operation ({@link org.mmwb.scenario.OpSpec}:
 * name, arguments, flags, help, executor), in the manner of Eclipse MAT's annotated queries. The parser, the
 * runner, the editor's colouring and completion and the command line's help all read it. Plugins add operations
 * (e.g. {@code iomap NAME [ADDR]}) through the extension point {@code org.mmwb.scenario.operations}
 * ({@link org.mmwb.scenario.OperationProvider}); {@link org.mmwb.scenario.OperationTable#installed()} is the
 * table of the running product.</li>
 * <li>{@link org.mmwb.scenario.ScenarioParser} — checks the whole file before anything runs and returns every
 * error as {@code FILE:LINE:COL: message} ({@link org.mmwb.scenario.Diagnostic}); never throws.</li>
 * <li>{@link org.mmwb.scenario.Scenario}, {@link org.mmwb.scenario.Op}, {@link org.mmwb.scenario.Expr} — the
 * AST, with the column of every argument.</li>
 * <li>{@link org.mmwb.scenario.ScenarioTarget} — what a machine implements (simulator, live kernel), with the
 * kernel's numeric flags (org.mmwb.core.mm: {@link org.mmwb.core.mm.Prot}, {@link org.mmwb.core.mm.MapFlags}, {@link org.mmwb.core.mm.Madvise}, {@link org.mmwb.core.mm.Rlimit}).</li>
 * <li>{@link org.mmwb.scenario.ScenarioRunner} — runs a scenario on a target, whole or step by step, into a
 * {@link org.mmwb.scenario.RunReport}.</li>
 * <li>{@link org.mmwb.scenario.ReportJson}, {@link org.mmwb.scenario.ReportText},
 * {@link org.mmwb.scenario.ReportComparison} — the JSON contract, the /proc-like text, and sim-vs-kernel
 * disagreements (its Javadoc states the symbolic address rule).</li>
 * </ul>
 *
 * <h2>Why a hand-written lexer and parser</h2>
 * The language is a line grammar: one operation per line, whitespace-separated words whose meaning depends on the
 * operation's declaration (the same word {@code fixed} is a bare flag for mmap and {@code fixed=ADDR} for mremap;
 * {@code ---} is a PROT, {@code -8K} an offset). A generated parser (ANTLR, JavaCC) would need the operation table
 * compiled into a grammar, so an extension could not add an operation at run time, and it would add a runtime
 * dependency to every bundle that parses. The contract also asks for diagnostics with exact columns that say what
 * was expected for <em>this</em> operation's argument ("mmap: expected LEN, a size ..."), for every error of the
 * file rather than the first, and for byte-level checks (invalid UTF-8, NUL, control characters, overlong lines)
 * before any token exists. A small table-driven recursive-descent reader over code points does all of that in a
 * few hundred lines, and the table it reads is the one completion and help use.
 *
 * <h2>Numbers and columns</h2>
 * Numbers are unsigned 64-bit, decimal or 0x-hex, with an optional K, M or G (x1024; lower case accepted).
 * Columns are 1-based and count Unicode code points; a tab counts as one.
 */
package org.mmwb.scenario;
