package org.mmwb.ui.internal.prefs;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;

/**
 * Window > Preferences > mmwb: the kernel profile and paging levels of scenarios without a {@code kernel} line, and
 * how many faults the fault log keeps. Applies to the next run.
 */
public final class MmwbPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public MmwbPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, Prefs.NODE);
        store.setDefault(Prefs.DEFAULT_PROFILE, Prefs.DEFAULT_PROFILE_VALUE);
        store.setDefault(Prefs.LEVELS, Prefs.LEVELS_VALUE);
        store.setDefault(Prefs.FAULT_LOG_LIMIT, (int) Prefs.FAULT_LOG_LIMIT_VALUE);
        setPreferenceStore(store);
        setDescription("Profile and levels apply to scenarios without a 'kernel' line; the open scenario is replayed with the new values.");
    }

    @Override
    public void init(IWorkbench workbench) {
    }

    @Override
    protected void createFieldEditors() {
        ProviderCatalog catalog = ProviderCatalog.installed();
        List<KernelProfile> known = catalog.profiles();
        KernelProfile dflt = catalog.defaultProfile();
        // first entry: "" = whatever the installed catalog declares default
        String[][] profiles = new String[known.size() + 1][];
        profiles[0] = new String[] {"Installed default" + (dflt == null ? "" : " (" + dflt.name() + ")"),
            Prefs.DEFAULT_PROFILE_VALUE};
        for (int i = 0; i < known.size(); i++) {
            profiles[i + 1] = new String[] {known.get(i).name() + " - " + known.get(i).description(),
                known.get(i).name()};
        }
        addField(new ComboFieldEditor(Prefs.DEFAULT_PROFILE, "Default kernel &profile:", profiles,
                getFieldEditorParent()));
        addField(new RadioGroupFieldEditor(Prefs.LEVELS, "Paging &levels", 1,
                new String[][] {{"4-level (48-bit addresses)", "4"}, {"5-level (57-bit addresses, LA57)", "5"}},
                getFieldEditorParent(), true));
        IntegerFieldEditor limit = new IntegerFieldEditor(Prefs.FAULT_LOG_LIMIT, "Fault log &limit (faults kept):",
                getFieldEditorParent(), 10);
        limit.setValidRange(1000, Integer.MAX_VALUE);
        limit.setErrorMessage("Fault log limit: a whole number, at least 1000");
        addField(limit);
    }

    /** Stores the values and replays the open scenario to its step, so they apply now, not from the next Run. */
    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        if (ok && getPreferenceStore() instanceof ScopedPreferenceStore store) {
            try {
                store.save();
            } catch (java.io.IOException e) {
                setErrorMessage("Cannot save the preferences: " + e.getMessage());
                return false;
            }
            org.mmwb.ui.internal.session.Session session = org.mmwb.ui.internal.session.Session.get();
            if (session.canStep()) {
                session.reopen();
            }
        }
        return ok;
    }
}
