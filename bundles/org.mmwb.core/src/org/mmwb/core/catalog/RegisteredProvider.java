package org.mmwb.core.catalog;

import org.mmwb.core.mm.SpecialMappingProvider;

/**
 * A special-mapping provider as the catalog holds it: the declaration of one {@code <provider>} element wrapped
 * around the contributed class. Name, size, profiles and placement come from plugin.xml; the mapping it creates runs
 * its {@code .fault} handler under a time budget, and any exception a contributed method throws is logged as a
 * {@link Problem} of its bundle instead of reaching the engine.
 *
 * @since 0.2.0
 */
public interface RegisteredProvider extends SpecialMappingProvider {

    /** The provider id of the declaration (unique in the platform). */
    String id();

    /** The fully qualified name of the contributed class. */
    String implementationClass();
}
