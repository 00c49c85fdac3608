package org.mmwb.scenario;

import java.util.List;

/** Runs one operation on a target with its arguments already resolved. */
@FunctionalInterface
public interface OpExecutor {

    /**
     * @return one result, or one per page for per-page operations; never null
     */
    List<OpResult> execute(OpContext ctx);
}
