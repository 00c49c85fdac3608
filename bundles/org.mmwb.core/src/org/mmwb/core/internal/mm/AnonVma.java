package org.mmwb.core.internal.mm;

/** {@code struct anon_vma}: identity is what merge decisions compare; root/parent kept for dumps. */
final class AnonVma {
    private static long nextId = 1;
    final long id;
    final AnonVma parent;

    AnonVma(AnonVma parent) {
        this.parent = parent;
        this.id = nextId++;
    }

    @Override
    public String toString() {
        return "anon_vma#" + id;
    }
}
