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
 * <li>{@link org.mmwb.core.internal.registry.ProviderCatalog} is plain Java: from the contributions it builds the
 * kernel profiles (duplicate names within a profile, dangling {@code after} references and cycles are logged and
 * repaired or skipped). It is tested on a plain classpath with hand-made contributions.</li>
 * <li>{@link org.mmwb.core.internal.registry.RegisteredProvider} wraps each contributed class: the declaration wins
 * for name, size, profiles and placement; the mapping it creates carries the contributing bundle as its owner (so
 * the fault log names the plugin) and its {@code .fault} handler runs under a time budget
 * ({@link org.mmwb.core.internal.registry.GuardedFault}).</li>
 * <li>{@link org.mmwb.core.internal.registry.SpecialMappingRegistry} is the facade the CLI, the workbench and the
 * scenario test API use: {@code profile(name)}, {@code providers()}, {@code problems()}.</li>
 * </ul>
 * Nothing here is API: plugin authors implement {@link org.mmwb.core.mm.SpecialMappingProvider} and declare it in
 * their plugin.xml.
 */
package org.mmwb.core.internal.registry;
