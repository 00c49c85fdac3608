/**
 * Recordings of a real program's memory life on the live kernel (docs/recording.md): the model
 * ({@link org.mmwb.record.Recording}, its events) and the reader of the JSON-lines format.
 */
package org.mmwb.record;
