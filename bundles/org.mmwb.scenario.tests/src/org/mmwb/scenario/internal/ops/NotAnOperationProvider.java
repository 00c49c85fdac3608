package org.mmwb.scenario.internal.ops;

/** Contributed as an operation class by fragment.xml, but implements nothing: the reader must skip it. */
public final class NotAnOperationProvider {
}
