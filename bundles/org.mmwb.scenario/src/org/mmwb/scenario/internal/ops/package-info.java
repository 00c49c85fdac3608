/** Declarations and executors of the built-in scenario operations (not API). */
package org.mmwb.scenario.internal.ops;
