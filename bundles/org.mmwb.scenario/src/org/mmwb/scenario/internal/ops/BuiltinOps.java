package org.mmwb.scenario.internal.ops;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Rlimit;
import org.mmwb.scenario.Access;
import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.Choice;
import org.mmwb.scenario.Expr;
import org.mmwb.scenario.FlagSpec;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OpSpec.Placement;
import org.mmwb.scenario.OperationProvider;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ScenarioTarget;
import org.mmwb.scenario.internal.profiles.Profiles;
import org.mmwb.scenario.internal.run.RunLengthList;

/**
 * The declarations and executors of the operations of docs/scenarios.md. As an {@link OperationProvider} it serves
 * the built-in names that org.mmwb.scenario's plugin.xml contributes to {@code org.mmwb.scenario.operations}.
 */
public final class BuiltinOps implements OperationProvider {

    /** The most pages one {@code touch} may cover (4 GiB): keeps a typo from producing billions of results. */
    public static final long MAX_TOUCH_PAGES = 1L << 20;

    /** Created by the extension registry, once per contributed name. */
    public BuiltinOps() {
    }

    @Override
    public OpSpec operation(String name) {
        return OperationTable.builtin().get(name);
    }

    private static final ArgSpec ADDR = ArgSpec.of("ADDR", ArgKind.ADDRESS, "start address");
    private static final ArgSpec LEN = ArgSpec.of("LEN", ArgKind.SIZE, "length in bytes");
    private static final ArgSpec PROT = ArgSpec.of("PROT", ArgKind.PROT, "protection: rwx letters or '-'");

    /** The built-in operations, {@code kernel} first, each time new declarations (the tables keep them). */
    public static List<OpSpec> specs() {
        List<OpSpec> l = new ArrayList<>();
        l.add(new OpSpec("kernel", List.of(ArgSpec.words("PROFILE", profileChoices(), "kernel profile")),
                List.of(new FlagSpec("levels", FlagSpec.Value.CHOICE,
                        List.of(new Choice("4", 4, "4-level page tables (48-bit addresses)"),
                                new Choice("5", 5, "5-level page tables (57-bit addresses, LA57)")),
                        0, List.of(), "page-table levels"),
                        new FlagSpec("ram", FlagSpec.Value.SIZE, List.of(), 0, List.of(),
                                "simulated RAM (default 4G); the live kernel keeps its own")),
                false, false, Placement.NONE,
                "Optional first line: the kernel profile the machine behaves like, its page-table levels and RAM.",
                null));
        l.add(new OpSpec("file", List.of(ArgSpec.of("NAME", ArgKind.NAME, "file name"),
                ArgSpec.of("SIZE", ArgKind.SIZE, "file size in bytes")), List.of(), false, true, Placement.NONE,
                "Creates a memfd-like file; byte 0 of page i holds 'A'+i (mod 26); it maps as /memfd:NAME (deleted).",
                c -> List.of(c.target().createFile(c.text("NAME"), c.value("SIZE")))));
        l.add(new OpSpec("mmap", List.of(ADDR, LEN, PROT), mmapFlags(), true, true, Placement.MMAP,
                "mmap(ADDR, LEN, PROT, flags, fd, offset). ADDR 0 lets the kernel choose; without 'fixed' a non-zero"
                        + " ADDR is a hint.",
                BuiltinOps::mmap));
        l.add(range("munmap", "munmap(2): unmaps the range.", (c, a, n) -> c.target().munmap(a, n)));
        l.add(new OpSpec("mprotect", List.of(ADDR, LEN, PROT), List.of(), false, true, Placement.NONE,
                "mprotect(2): changes the protection of the range.",
                c -> List.of(c.target().mprotect(c.value("ADDR"), c.value("LEN"), (int) c.value("PROT")))));
        l.add(range("mlock", "mlock(2): locks the range, faulting its pages in.", (c, a, n) -> c.target().mlock(a, n)));
        l.add(range("munlock", "munlock(2).", (c, a, n) -> c.target().munlock(a, n)));
        l.add(range("mseal", "mseal(2): seals the range against later changes.", (c, a, n) -> c.target().mseal(a, n, 0)));
        l.add(new OpSpec("mlockall", List.of(), mlockallFlags(), false, true, Placement.NONE,
                "mlockall(2) with the MCL_* flags given (none is flags 0: EINVAL, as is onfault alone); 'bits=N' ORs"
                        + " raw bits in.",
                BuiltinOps::mlockall));
        l.add(new OpSpec("munlockall", List.of(), List.of(), false, true, Placement.NONE,
                "munlockall(2): unlocks every mapping and ends mlockall(MCL_FUTURE).",
                c -> List.of(c.target().munlockall())));
        l.add(new OpSpec("capdrop", List.of(ArgSpec.words("CAP", capabilityChoices(), "CAP_* capability")),
                List.of(), false, true, Placement.NONE,
                "Drops a capability of the current (root) process, as capset(2) does; forked children inherit it."
                        + " Without CAP_IPC_LOCK, RLIMIT_MEMLOCK limits mlock, mlockall and locked mappings.",
                c -> List.of(c.target().capdrop((int) c.value("CAP")))));
        l.add(new OpSpec("mremap", List.of(ADDR, ArgSpec.of("OLDLEN", ArgKind.SIZE, "old length"),
                ArgSpec.of("NEWLEN", ArgKind.SIZE, "new length")),
                List.of(FlagSpec.bare("maymove", MapFlags.MREMAP_MAYMOVE, "MREMAP_MAYMOVE: the kernel may move the mapping"),
                        new FlagSpec("fixed", FlagSpec.Value.ADDRESS, List.of(), MapFlags.MREMAP_FIXED, List.of(),
                                "MREMAP_FIXED: move to NEWADDR (needs maymove)"),
                        FlagSpec.bare("dontunmap", MapFlags.MREMAP_DONTUNMAP, "MREMAP_DONTUNMAP: leave the old range mapped")),
                true, true, Placement.MREMAP, "mremap(2): grows, shrinks or moves a mapping; returns its address.",
                BuiltinOps::mremap));
        l.add(new OpSpec("madvise", List.of(ADDR, LEN, ArgSpec.words("ADVICE", adviceChoices(), "MADV_* advice")),
                List.of(), false, true, Placement.NONE, "madvise(2) with one of the listed advice words.",
                c -> List.of(c.target().madvise(c.value("ADDR"), c.value("LEN"), (int) c.value("ADVICE")))));
        l.add(new OpSpec("brk", List.of(ArgSpec.of("ADDR", ArgKind.ADDRESS_OR_RELATIVE,
                "new break, or +LEN to grow the current break")), List.of(), true, true, Placement.BRK,
                "The brk system call; 'brk +LEN' grows the current break by LEN. Returns the break.",
                BuiltinOps::brk));
        l.add(new OpSpec("touch", List.of(ADDR, LEN, ArgSpec.words("ACCESS", accessChoices(), "access kind")),
                List.of(), false, true, Placement.NONE,
                "Accesses the first byte of each page of [ADDR, ADDR+LEN) (ADDR itself for the first page); one"
                        + " result per page. 'w' stores 0x5a ('Z').",
                BuiltinOps::touch));
        l.add(new OpSpec("read", List.of(ADDR), List.of(), true, true, Placement.NONE,
                "Loads the byte at ADDR; the result is its value.", c -> List.of(c.target().read(c.value("ADDR")))));
        l.add(new OpSpec("write", List.of(ADDR, ArgSpec.of("BYTE", ArgKind.BYTE, "value 0..255")), List.of(), false,
                true, Placement.NONE, "Stores BYTE at ADDR.",
                c -> List.of(c.target().write(c.value("ADDR"), (int) c.value("BYTE")))));
        l.add(new OpSpec("exec", List.of(ADDR), List.of(), false, true, Placement.NONE,
                "Fetches an instruction at ADDR (an execute access).",
                c -> List.of(c.target().touch(c.value("ADDR"), Access.EXEC))));
        l.add(new OpSpec("fork", List.of(), List.of(), true, true, Placement.NONE,
                "fork(2); execution continues in the child. The result is the child's pid.",
                c -> List.of(c.target().fork())));
        l.add(new OpSpec("exit", List.of(), List.of(), false, true, Placement.NONE,
                "Ends the current process; execution continues in its parent.", c -> List.of(c.target().exit())));
        l.add(new OpSpec("switch", List.of(ArgSpec.of("PID", ArgKind.PID, "process to continue in")), List.of(),
                false, true, Placement.NONE, "Continues in another live process.",
                c -> List.of(c.target().switchTo((int) c.value("PID")))));
        l.add(new OpSpec("sysctl", List.of(ArgSpec.words("NAME", sysctlChoices(), "a vm sysctl"),
                ArgSpec.of("VALUE", ArgKind.LIMIT, "the new value; vm.max_map_count +N: the current VMA count + N")),
                List.of(), false, true, Placement.NONE,
                "Writes /proc/sys/vm/NAME for the rest of the scenario (a live run restores it afterwards).",
                c -> List.of(c.target().sysctl(c.text("NAME"), c.value("VALUE"),
                        c.op().arg("VALUE") instanceof Expr.Relative))));
        l.add(new OpSpec("setrlimit", List.of(ArgSpec.words("RESOURCE", rlimitChoices(), "RLIMIT_*"),
                ArgSpec.of("VALUE", ArgKind.LIMIT, "the soft limit in bytes, +SIZE above the current use,"
                        + " or unlimited")),
                List.of(), false, true, Placement.NONE,
                "setrlimit(2) of the current process: the soft limit (the hard one stays); forked children inherit it.",
                c -> List.of(c.target().setrlimit((int) c.value("RESOURCE"), c.value("VALUE"),
                        c.op().arg("VALUE") instanceof Expr.Relative))));
        l.add(new OpSpec("dump", List.of(), List.of(), false, false, Placement.NONE,
                "Snapshot of the current process's VMAs (maps, VmFlags, page letters) into the output.", c -> {
                    c.dump();
                    return List.of();
                }));
        return l;
    }

    private interface RangeCall {
        OpResult call(OpContext c, long addr, long len);
    }

    private static OpSpec range(String name, String help, RangeCall call) {
        return new OpSpec(name, List.of(ADDR, LEN), List.of(), false, true, Placement.NONE, help,
                c -> List.of(call.call(c, c.value("ADDR"), c.value("LEN"))));
    }

    private static List<FlagSpec> mmapFlags() {
        return List.of(FlagSpec.bare("private", MapFlags.PRIVATE, "MAP_PRIVATE (default)", "shared"),
                FlagSpec.bare("shared", MapFlags.SHARED, "MAP_SHARED", "private"),
                FlagSpec.bare("anon", MapFlags.ANONYMOUS, "MAP_ANONYMOUS (default)", "file"),
                new FlagSpec("file", FlagSpec.Value.FILE_REF, List.of(), 0, List.of("anon"),
                        "map a file declared by 'file NAME SIZE', from byte OFFSET (default 0)"),
                FlagSpec.bare("fixed", MapFlags.FIXED, "MAP_FIXED: map exactly at ADDR, replacing what is there"),
                FlagSpec.bare("noreplace", MapFlags.FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE: exactly at ADDR or EEXIST"),
                FlagSpec.bare("growsdown", MapFlags.GROWSDOWN, "MAP_GROWSDOWN: a stack-like mapping"),
                FlagSpec.bare("noreserve", MapFlags.NORESERVE, "MAP_NORESERVE: no swap accounting"),
                FlagSpec.bare("populate", MapFlags.POPULATE, "MAP_POPULATE: fault the pages in now"),
                FlagSpec.bare("locked", MapFlags.LOCKED, "MAP_LOCKED: like mlock"));
    }

    private static List<FlagSpec> mlockallFlags() {
        return List.of(FlagSpec.bare("current", MapFlags.MCL_CURRENT, "MCL_CURRENT: lock every mapping now, faulting"
                        + " its pages in"),
                FlagSpec.bare("future", MapFlags.MCL_FUTURE, "MCL_FUTURE: lock every later mapping, brk and growth"),
                FlagSpec.bare("onfault", MapFlags.MCL_ONFAULT, "MCL_ONFAULT: lock pages as they fault in, populate nothing"),
                new FlagSpec("bits", FlagSpec.Value.SIZE, List.of(), 0, List.of(),
                        "raw flag bits OR-ed in (unknown bits: EINVAL)"));
    }

    private static List<OpResult> mlockall(OpContext c) {
        long flags = c.has("bits") ? c.flagValue("bits") : 0;
        for (String f : List.of("current", "future", "onfault")) {
            if (c.has(f)) {
                flags |= c.op().spec().flag(f).bits();
            }
        }
        return List.of(c.target().mlockall((int) flags)); // SYSCALL_DEFINE1(mlockall, int, flags): the low 32 bits
    }

    private static List<Choice> capabilityChoices() {
        return List.of(new Choice("CAP_IPC_LOCK", 14, "lock memory beyond RLIMIT_MEMLOCK (mlock, mlockall)"));
    }

    private static List<Choice> profileChoices() {
        List<Choice> l = new ArrayList<>();
        for (KernelProfile p : Profiles.known()) {
            l.add(new Choice(p.name(), l.size(), p.description()));
        }
        return l;
    }

    private static List<Choice> sysctlChoices() {
        return List.of(new Choice("vm.max_map_count", 0, "most VMAs a process may have (65530)"),
                new Choice("vm.overcommit_memory", 1, "0 heuristic, 1 always, 2 never overcommit"),
                new Choice("vm.overcommit_ratio", 2, "percent of RAM committable with overcommit_memory 2 (50)"),
                new Choice("vm.mmap_min_addr", 3, "lowest address mmap may use (65536)"));
    }

    private static List<Choice> rlimitChoices() {
        return List.of(new Choice("RLIMIT_AS", Rlimit.AS, "address space (total_vm)"),
                new Choice("RLIMIT_DATA", Rlimit.DATA, "private writable memory and brk (data_vm)"),
                new Choice("RLIMIT_STACK", Rlimit.STACK, "stack size"),
                new Choice("RLIMIT_MEMLOCK", Rlimit.MEMLOCK, "locked memory (no limit for root: CAP_IPC_LOCK)"));
    }

    /** The advice words of the language (docs/scenarios.md), in the order help lists them. */
    private static final String[] ADVICE_WORDS = {"dontneed", "free", "dontfork", "dofork", "wipeonfork", "keeponfork",
        "populate_read", "populate_write", "hugepage", "nohugepage", "guard_install", "guard_remove"};

    private static List<Choice> adviceChoices() {
        List<Choice> l = new ArrayList<>();
        for (String w : ADVICE_WORDS) {
            l.add(new Choice(w, Madvise.parse(w), "MADV_" + w.toUpperCase()));
        }
        return l;
    }

    private static List<Choice> accessChoices() {
        return List.of(new Choice("r", Access.READ.ordinal(), "read"),
                new Choice("w", Access.WRITE.ordinal(), "write (stores 0x5a)"),
                new Choice("x", Access.EXEC.ordinal(), "execute"));
    }

    /** The mmap flag word the kernel receives for this line's flags. */
    public static int mmapFlagBits(OpContext c) {
        int flags = c.has("shared") ? MapFlags.SHARED : MapFlags.PRIVATE;
        if (!c.has("file")) {
            flags |= MapFlags.ANONYMOUS;
        }
        for (String f : List.of("fixed", "noreplace", "growsdown", "noreserve", "populate", "locked")) {
            if (c.has(f)) {
                flags |= (int) c.op().spec().flag(f).bits();
            }
        }
        return flags;
    }

    private static List<OpResult> mmap(OpContext c) {
        String file = c.has("file") ? c.flagText("file") : null;
        long offset = file == null ? 0 : c.flagValue("file");
        return List.of(c.target().mmap(c.value("ADDR"), c.value("LEN"), (int) c.value("PROT"), mmapFlagBits(c), file,
                offset));
    }

    private static List<OpResult> mremap(OpContext c) {
        int flags = 0;
        long newAddr = 0;
        if (c.has("maymove")) {
            flags |= MapFlags.MREMAP_MAYMOVE;
        }
        if (c.has("fixed")) {
            flags |= MapFlags.MREMAP_FIXED;
            newAddr = c.flagValue("fixed");
        }
        if (c.has("dontunmap")) {
            flags |= MapFlags.MREMAP_DONTUNMAP;
        }
        return List.of(c.target().mremap(c.value("ADDR"), c.value("OLDLEN"), c.value("NEWLEN"), flags, newAddr));
    }

    private static List<OpResult> brk(OpContext c) {
        ScenarioTarget t = c.target();
        if (c.op().arg("ADDR") instanceof Expr.Relative) {
            OpResult cur = t.brk(0);
            if (cur.kind() != OpResult.Kind.VALUE) {
                return List.of(cur);
            }
            return List.of(t.brk(cur.value() + c.value("ADDR")));
        }
        return List.of(t.brk(c.value("ADDR")));
    }

    /** Number of pages touched by {@code touch ADDR LEN}: the pages overlapping [ADDR, ADDR+LEN). */
    public static long touchPages(long addr, long len) {
        if (len == 0) {
            return 0;
        }
        long first = addr & -KernelProfile.PAGE_SIZE;
        long last = (addr + len - 1) & -KernelProfile.PAGE_SIZE;
        return Long.compareUnsigned(last, first) < 0 ? 0 : ((last - first) >>> 12) + 1;
    }

    private static List<OpResult> touch(OpContext c) {
        long addr = c.value("ADDR");
        long pages = Math.min(touchPages(addr, c.value("LEN")), MAX_TOUCH_PAGES);
        Access access = Access.values()[(int) c.value("ACCESS")];
        RunLengthList<OpResult> out = new RunLengthList<>(); // a run of "ok" per million pages, not a million refs
        ScenarioTarget t = c.target();
        long page = addr & -KernelProfile.PAGE_SIZE;
        // ranges of at most 64K pages: a target that does a range at once never holds more results than that
        for (long done = 0; done < pages; done += 1 << 16) {
            long n = Math.min(1 << 16, pages - done);
            for (OpResult r : t.touchRange(done == 0 ? addr : page + done * KernelProfile.PAGE_SIZE, n, access)) {
                out.append(r);
            }
        }
        return out;
    }
}
