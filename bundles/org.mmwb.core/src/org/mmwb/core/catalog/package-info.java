/**
 * The published catalog of kernel profiles and special-mapping providers: what other bundles and third-party plugins
 * program against ({@link org.mmwb.core.catalog.ProviderCatalog#installed()}). How contributions are read and
 * guarded is internal ({@code org.mmwb.core.internal.registry}).
 *
 * @since 0.2.0
 */
package org.mmwb.core.catalog;
