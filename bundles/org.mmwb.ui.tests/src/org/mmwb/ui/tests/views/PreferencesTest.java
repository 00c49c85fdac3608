package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.prefs.Prefs;

/** Preferences: a scenario without a kernel line takes the preferred paging levels; one with a kernel line keeps its own. */
class PreferencesTest {

    @Test
    void levelsPreferenceAppliesWithoutKernelLine() throws Exception {
        var node = InstanceScope.INSTANCE.getNode(Prefs.NODE);
        node.putInt(Prefs.LEVELS, 5);
        try {
            var s = Fixture.openText("nokernel.mms", "$a = mmap 0x100000000000 4K rw- fixed\ntouch $a 4K w\n");
            assertEquals(5, s.kernel().profile().levels());
            s = Fixture.openText("kernel.mms", "kernel x86_64-6.18\n$a = mmap 0x100000000000 4K rw- fixed\n");
            assertEquals(4, s.kernel().profile().levels());
        } finally {
            node.remove(Prefs.LEVELS);
        }
        assertEquals(4, Prefs.current().levels());
    }
}
