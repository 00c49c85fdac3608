package org.mmwb.cli.internal;

import java.util.Set;

import org.mmwb.scenario.ReportText;

/** What {@code --print} selects for the text form: report parts plus the simulator's page tables. */
record PrintSelection(ReportText.Options options, boolean pageTables) {

    private static final Set<String> WORDS = Set.of("results", "maps", "smaps", "pages", "pagetable", "faults",
            "symbols");

    /** @param list comma-separated words, or null for the default (results, maps, VmFlags, pages) */
    static PrintSelection parse(String list, CliIO io) {
        if (list == null) {
            return new PrintSelection(ReportText.Options.DEFAULT, false);
        }
        boolean results = false, maps = false, smaps = false, pages = false, pt = false, faults = false, sym = false;
        for (String w : list.split(",")) {
            String word = w.trim();
            if (!WORDS.contains(word)) {
                throw new CliExit(io.fail(Cli.USAGE, "--print: unknown part '" + word
                        + "' (choose from results, maps, smaps, pages, pagetable, faults, symbols)"));
            }
            switch (word) {
                case "results" -> results = true;
                case "maps" -> maps = true;
                case "smaps" -> {
                    maps = true;
                    smaps = true;
                }
                case "pages" -> {
                    maps = true;
                    pages = true;
                }
                case "pagetable" -> pt = true;
                case "faults" -> faults = true;
                default -> sym = true;
            }
        }
        return new PrintSelection(new ReportText.Options(results, maps, smaps, pages, faults, sym), pt);
    }
}
