package org.mmwb.ui.internal.props;

import org.eclipse.ui.views.properties.IPropertySource;

/** A property source nobody edits: the Properties view only shows what the session has. */
abstract class ReadOnlySource implements IPropertySource {

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
    }
}
