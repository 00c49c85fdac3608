/**
 * The thin adapter between the Eclipse extension registry and the engine: reads contributions to the extension
 * point {@code org.mmwb.core.specialMappings} (schema/specialMappings.exsd) and turns them into plain
 * {@link org.mmwb.core.mm.SpecialMappingProvider} objects and {@link org.mmwb.core.mm.KernelProfile}s.
 *
 * <h2>Layers</h2>
 * <ul>
 * <li>{@link org.mmwb.core.internal.registry.ExtensionReader} is the only class that touches
 * {@code org.eclipse.core.runtime} types. It reads every configuration element defensively, in the manner of
 * Eclipse Trace Compass: each {@code createExecutableExtension} in its own try, a broken contribution (missing
 * class, class not implementing the SPI, bad attribute) logged with its contributing bundle and skipped.</li>
 * <li>{@link org.mmwb.core.internal.registry.Catalog} is plain Java: from the contributions it builds the
 * kernel profiles (duplicate names within a profile, dangling {@code after} references and cycles are logged and
 * repaired or skipped). It is tested on a plain classpath with hand-made contributions.</li>
 * <li>{@link org.mmwb.core.internal.registry.GuardedProvider} wraps each contributed class: the declaration wins
 * for name, size, profiles and placement; the mapping it creates carries the contributing bundle as its owner (so
 * the fault log names the plugin) and its {@code .fault} handler runs under a time budget
 * ({@link org.mmwb.core.internal.registry.GuardedFault}).</li>
 * <li>{@link org.mmwb.core.internal.registry.SpecialMappingRegistry} reads the platform's registry once; other
 * bundles reach the result only through the published {@link org.mmwb.core.catalog.ProviderCatalog}.</li>
 * </ul>
 * Nothing here is API: plugin authors implement {@link org.mmwb.core.mm.SpecialMappingProvider}, declare it in
 * their plugin.xml and read the result through {@link org.mmwb.core.catalog.ProviderCatalog}.
 */
package org.mmwb.core.internal.registry;
