package org.mmwb.ui.internal.session;

import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ScenarioParser;

/**
 * The scenario language as the workbench speaks it: the installed operation table (built-in operations and every
 * plugin's, org.mmwb.scenario.operations), the same as on the command line.
 */
public final class ScenarioLanguage {

    private ScenarioLanguage() {
    }

    /** The operations the product knows: what the parser, the editor's colouring and completion read. */
    public static OperationTable table() {
        return OperationTable.installed();
    }

    /** A parser for .mms text with every operation the product knows. */
    public static ScenarioParser parser() {
        return new ScenarioParser(table());
    }
}
