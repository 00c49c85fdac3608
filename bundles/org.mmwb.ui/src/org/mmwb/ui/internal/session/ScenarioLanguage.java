package org.mmwb.ui.internal.session;

import org.mmwb.iomap.IomapOperation;
import org.mmwb.scenario.ScenarioParser;

/** The scenario language as the workbench speaks it: the built-in operations plus {@code iomap}, as on the CLI. */
public final class ScenarioLanguage {

    private ScenarioLanguage() {
    }

    /** A parser for .mms text with every operation the product knows. */
    public static ScenarioParser parser() {
        return new ScenarioParser(IomapOperation.table());
    }
}
