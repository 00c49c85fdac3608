package org.mmwb.core.internal.registry;

/**
 * Thrown into the engine in place of a {@code .fault} handler that ran past its time budget (or was disabled after
 * doing so): the engine ends the fault with VM_FAULT_SIGBUS and logs this message as the reason.
 */
public final class HandlerBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerBudgetExceeded(String message) {
        super(message, null, false, false);
    }
}
