package org.mmwb.ui.internal;

import java.util.List;

/** Ids of the views that org.mmwb.ui registers in plugin.xml. */
public final class ViewIds {
    public static final String ADDRESS_SPACE = "org.mmwb.ui.views.addressSpace";
    public static final String PAGE_TABLES = "org.mmwb.ui.views.pageTables";
    public static final String FAULT_LOG = "org.mmwb.ui.views.faultLog";
    public static final String SPECIAL_MAPPINGS = "org.mmwb.ui.views.specialMappings";
    public static final String ADDRESS_MAP = "org.mmwb.ui.views.addressMap";
    public static final String RESULTS = "org.mmwb.ui.views.results";
    public static final String FAULT_TIMELINE = "org.mmwb.ui.views.faultTimeline";

    /** Every view of the Memory Management perspective. */
    public static final List<String> ALL = List.of(ADDRESS_SPACE, PAGE_TABLES, FAULT_LOG, SPECIAL_MAPPINGS, ADDRESS_MAP,
            RESULTS, FAULT_TIMELINE);

    private ViewIds() {
    }
}
