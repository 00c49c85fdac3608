package org.mmwb.core.mm;

/** vm_fault_t codes (enum vm_fault_reason in include/linux/mm_types.h). */
public final class VmFaultResult {
    public static final int OK = 0;
    public static final int OOM = 0x000001;
    public static final int SIGBUS = 0x000002;
    public static final int MAJOR = 0x000004;
    public static final int HWPOISON = 0x000010;
    public static final int HWPOISON_LARGE = 0x000020;
    public static final int SIGSEGV = 0x000040;
    public static final int NOPAGE = 0x000100;
    public static final int LOCKED = 0x000200;
    public static final int RETRY = 0x000400;
    public static final int FALLBACK = 0x000800;
    public static final int DONE_COW = 0x001000;
    public static final int NEEDDSYNC = 0x002000;
    public static final int COMPLETED = 0x004000;
    /** VM_FAULT_ERROR. */
    public static final int ERROR = OOM | SIGBUS | SIGSEGV | HWPOISON | HWPOISON_LARGE;
    /** Every bit a handler may legitimately return. */
    public static final int VALID_MASK = 0x007fff;

    private VmFaultResult() {
    }

    /** "NOPAGE|MAJOR", "SIGBUS", "0" for a result word. */
    private static final String[] NAMES = {"OOM", "SIGBUS", "MAJOR", "", "HWPOISON", "HWPOISON_LARGE", "SIGSEGV",
        "", "NOPAGE", "LOCKED", "RETRY", "FALLBACK", "DONE_COW", "NEEDDSYNC", "COMPLETED"};

    public static String describe(int r) {
        if (r == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((r & (1 << i)) != 0 && !NAMES[i].isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "|").append(NAMES[i]);
            }
        }
        if ((r & ~VALID_MASK) != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(r & ~VALID_MASK));
        }
        return sb.toString();
    }

    /**
     * The bits {@link #describe(int)} wrote: {@code NOPAGE}, {@code SIGBUS|MAJOR}, {@code 0}, with an optional
     * {@code 0x..} part for unnamed bits; -1 when the text is not of that form.
     */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (text.equals("0")) {
            return 0;
        }
        int r = 0;
        for (String part : text.split("\\|", -1)) {
            int bit = java.util.Arrays.asList(NAMES).indexOf(part);
            if (bit >= 0 && !part.isEmpty()) {
                r |= 1 << bit;
            } else if (part.startsWith("0x") && part.length() > 2 && part.length() <= 10) {
                try {
                    r |= Integer.parseUnsignedInt(part.substring(2), 16);
                } catch (NumberFormatException e) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return r;
    }
}
