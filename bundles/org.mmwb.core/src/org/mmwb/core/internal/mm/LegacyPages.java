package org.mmwb.core.internal.mm;

/** vm_private_data of a legacy special mapping: its pages (PFNs; a negative entry ends the array) and name. */
record LegacyPages(String name, long[] pages) {
}
