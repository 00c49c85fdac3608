package org.mmwb.ui.internal.props;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * A read-only property source built from (category, name, value) lines in display order: what the Properties view
 * shows for a VMA, a page-table entry, a fault or a provider.
 */
public final class Props extends ReadOnlySource {

    private final List<PropertyDescriptor> descriptors = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Adds a line; returns this. */
    public Props add(String category, String name, Object value) {
        PropertyDescriptor d = new PropertyDescriptor(Integer.valueOf(values.size()), name);
        d.setCategory(category);
        d.setAlwaysIncompatible(true);
        descriptors.add(d);
        values.add(value == null ? "" : value.toString());
        return this;
    }

    /** The value of the first property with that name, or null (for tests). */
    public String value(String name) {
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).getDisplayName().equals(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return descriptors.toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        return values.get((Integer) id);
    }
}
