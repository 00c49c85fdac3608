/**
 * A worked third-party plugin for mmwb (docs/plugin-guide.md): {@link org.mmwb.examples.ticker.TickerProvider}
 * contributes the special mapping {@code [ticker]} through the extension point {@code org.mmwb.core.specialMappings}
 * and serves it with its own {@code .fault}, {@code .mremap} and {@code .close} callbacks. It uses only the API
 * package {@code org.mmwb.core.mm}.
 */
package org.mmwb.examples.ticker;
