package org.mmwb.scenario;

/**
 * One word an argument or flag value may take.
 *
 * @param word  the word as written
 * @param value its numeric meaning (e.g. the MADV_* number)
 * @param help  one line for completion and help
 */
public record Choice(String word, long value, String help) {
}
