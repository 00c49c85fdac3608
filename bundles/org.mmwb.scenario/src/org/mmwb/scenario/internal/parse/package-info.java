/** Byte checks and the table-driven line parser of the scenario language (not API). */
package org.mmwb.scenario.internal.parse;
