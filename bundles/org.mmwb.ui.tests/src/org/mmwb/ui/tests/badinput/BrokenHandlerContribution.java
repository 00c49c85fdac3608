package org.mmwb.ui.tests.badinput;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mmwb.core.catalog.ProviderCatalog;
import org.osgi.framework.FrameworkUtil;

/**
 * Contributes {@link BrokenHandlerProvider} as [uitest_broken] to the running registry for the length of a test
 * (a non-persistent contribution in the name of org.mmwb.ui, whose class loader holds this fragment), so that the
 * other tests, which list the providers, never see it.
 */
public final class BrokenHandlerContribution implements AutoCloseable {
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plugin><extension point=\""
            + "org.mmwb.core.specialMappings\"><provider id=\"org.mmwb.ui.tests.broken\" name=\"[uitest_broken]\" "
            + "class=\"" + BrokenHandlerProvider.class.getName() + "\" pages=\"1\" profiles=\"*\" "
            + "placement=\"request\"/></extension></plugin>";

    private final IExtensionRegistry registry = RegistryFactory.getRegistry();
    private final Object token;
    private final IContributor contributor;

    public BrokenHandlerContribution() throws ReflectiveOperationException {
        // the registry's user token (ExtensionRegistry.getTemporaryUserToken): allows non-persistent contributions
        token = registry.getClass().getMethod("getTemporaryUserToken").invoke(registry);
        contributor = ContributorFactoryOSGi.createContributor(FrameworkUtil.getBundle(BrokenHandlerProvider.class));
        if (!registry.addContribution(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)), contributor,
                false, "uitest_broken", null, token)) {
            throw new IllegalStateException("the registry refused the test contribution");
        }
        ProviderCatalog.reload();
    }

    @Override
    public void close() {
        for (IExtension x : registry.getExtensions(contributor)) {
            if ("org.mmwb.core.specialMappings".equals(x.getExtensionPointUniqueIdentifier())
                    && x.getConfigurationElements().length == 1
                    && "org.mmwb.ui.tests.broken".equals(x.getConfigurationElements()[0].getAttribute("id"))) {
                registry.removeExtension(x, token);
            }
        }
        ProviderCatalog.reload();
    }
}
