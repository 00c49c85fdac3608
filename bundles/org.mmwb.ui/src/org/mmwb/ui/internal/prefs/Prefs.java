package org.mmwb.ui.internal.prefs;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;

/**
 * The workbench's preferences (instance scope of org.mmwb.ui), with their defaults: the kernel profile and paging
 * levels of a scenario without a {@code kernel} line, and how many faults the fault log keeps.
 */
public final class Prefs {

    /** Preference node. */
    public static final String NODE = "org.mmwb.ui";
    /** Profile for scenarios without a kernel line. */
    public static final String DEFAULT_PROFILE = "defaultProfile";
    /** Paging levels (4 or 5) for scenarios without a kernel line. */
    public static final String LEVELS = "pagingLevels";
    /** Most faults the fault log keeps. */
    public static final String FAULT_LOG_LIMIT = "faultLogLimit";

    /** Default profile: "", the installed catalog's default (org.mmwb.x86 declares x86_64-6.18 so). */
    public static final String DEFAULT_PROFILE_VALUE = "";
    /** Default paging levels. */
    public static final int LEVELS_VALUE = 4;
    /** Default fault log limit (the engine's default, 16M faults). */
    public static final long FAULT_LOG_LIMIT_VALUE = 1L << 24;

    /**
     * Preference values at one moment.
     *
     * @param profile       profile name
     * @param levels        4 or 5
     * @param faultLogLimit most faults kept
     */
    public record Values(String profile, int levels, long faultLogLimit) {
        /** The defaults (also what tests without a preference service get). */
        public static final Values DEFAULTS = new Values(DEFAULT_PROFILE_VALUE, LEVELS_VALUE, FAULT_LOG_LIMIT_VALUE);
    }

    private Prefs() {
    }

    /** The current values; defaults for anything unset, invalid, or when no preference service runs. */
    public static Values current() {
        IPreferencesService s;
        try {
            s = Platform.getPreferencesService();
        } catch (RuntimeException | LinkageError e) {
            return Values.DEFAULTS;
        }
        if (s == null) {
            return Values.DEFAULTS;
        }
        String profile = s.getString(NODE, DEFAULT_PROFILE, DEFAULT_PROFILE_VALUE, null);
        int levels = s.getInt(NODE, LEVELS, LEVELS_VALUE, null);
        long limit = s.getLong(NODE, FAULT_LOG_LIMIT, FAULT_LOG_LIMIT_VALUE, null);
        return new Values(profile == null ? DEFAULT_PROFILE_VALUE : profile.strip(),
                levels == 5 ? 5 : 4, limit > 0 ? limit : FAULT_LOG_LIMIT_VALUE);
    }
}
