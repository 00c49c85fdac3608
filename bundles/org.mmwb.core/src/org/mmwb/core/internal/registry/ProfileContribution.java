package org.mmwb.core.internal.registry;

/**
 * A {@code <kernelProfile>} element: a kernel the simulator can behave like, without its special mappings (those
 * come from {@code <provider>} elements naming the profile).
 *
 * @param id            the profile name scenarios use on their {@code kernel} line, e.g. {@code x86_64-6.18}
 * @param levels        default page-table levels, 4 or 5
 * @param maxLevels     the deepest page-table layout the kernel supports (4, or 5 with LA57)
 * @param startBrk      mm->start_brk after exec
 * @param stackPages    pages of the [stack] VMA after exec
 * @param timeNamespace whether tasks run in a time namespace
 * @param description   one line for help and listings
 * @param isDefault     whether scenarios without a {@code kernel} line run on it
 * @param bundle        the contributing bundle
 */
public record ProfileContribution(String id, int levels, int maxLevels, long startBrk, int stackPages,
        boolean timeNamespace, String description, boolean isDefault, String bundle) {
}
