package org.mmwb.ui.internal.props;

import java.util.function.Supplier;

import org.eclipse.ui.views.properties.IPropertyDescriptor;

/**
 * A property source that is rebuilt from the session's current state whenever the Properties view reads it
 * (it is refreshed on every new state), so it never shows an old PTE or an object of a previous session.
 */
public final class LiveProps extends ReadOnlySource {

    private final Supplier<Props> build;
    private Props current;

    LiveProps(Supplier<Props> build) {
        this.build = build;
        this.current = build.get();
    }

    /** The properties as of now (for tests). */
    public Props now() {
        current = build.get();
        return current;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return now().getPropertyDescriptors();
    }

    @Override
    public Object getPropertyValue(Object id) {
        return current.getPropertyValue(id);
    }
}
