/** The scenario execution engine and the symbolic naming of addresses (not API). */
package org.mmwb.scenario.internal.run;
