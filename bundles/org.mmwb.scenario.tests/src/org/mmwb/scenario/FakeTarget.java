package org.mmwb.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * A FAKE in-memory target, only to test the runner's plumbing (argument resolution, bindings, pids, dumps,
 * results). It is not a memory-management model: no merging, no splitting, crude placement. Every call is logged
 * in {@link #calls} with its numeric arguments.
 */
class FakeTarget implements ScenarioTarget {

    static final long VVAR = 0x7fff_f000_0000L;
    static final long STACK_END = 0x7fff_ff00_0000L;

    /** A fake VMA. */
    static final class Vma {
        long start;
        long end;
        int prot;
        boolean shared;
        String name;
        char[] pages;

        Vma(long start, long end, int prot, boolean shared, String name) {
            this.start = start;
            this.end = end;
            this.prot = prot;
            this.shared = shared;
            this.name = name;
            this.pages = new char[(int) ((end - start) >>> 12)];
            Arrays.fill(pages, '.');
        }

        Vma copy() {
            Vma v = new Vma(start, end, prot, shared, name);
            v.pages = pages.clone();
            return v;
        }
    }

    final List<String> calls = new ArrayList<>();
    final Map<Integer, TreeMap<Long, Vma>> procs = new TreeMap<>();
    final Map<Integer, Integer> parent = new HashMap<>();
    final Map<String, Long> files = new HashMap<>();
    final List<FaultRecord> faults = new ArrayList<>();
    int current = 1;
    int nextPid = 2;
    long nextChosen;
    long brk = 0x5555_0000_0000L;

    /** @param chosenBase where hint-less mmaps go (downwards), to imitate two machines with different ASLR */
    FakeTarget(long chosenBase, long specialsShift) {
        nextChosen = chosenBase;
        TreeMap<Long, Vma> m = new TreeMap<>();
        long v = VVAR + specialsShift;
        add(m, new Vma(v, v + 0x4000, 1, false, "[vvar]"));
        add(m, new Vma(v + 0x4000, v + 0x6000, 1, false, "[vvar_vclock]"));
        add(m, new Vma(v + 0x6000, v + 0x8000, 5, false, "[vdso]"));
        add(m, new Vma(STACK_END + specialsShift - 0x21000, STACK_END + specialsShift, 3, false, "[stack]"));
        procs.put(1, m);
    }

    FakeTarget() {
        this(0x7f00_0000_0000L, 0);
    }

    private static void add(TreeMap<Long, Vma> m, Vma v) {
        m.put(v.start, v);
    }

    TreeMap<Long, Vma> mm() {
        return procs.get(current);
    }

    private Vma find(long a) {
        if (mm() == null) {
            return null;
        }
        Map.Entry<Long, Vma> e = mm().floorEntry(a);
        return e != null && a < e.getValue().end ? e.getValue() : null;
    }

    @Override
    public OpResult createFile(String name, long size) {
        calls.add("file " + name + " " + size);
        files.put(name, size);
        return OpResult.ok();
    }

    @Override
    public OpResult mmap(long addr, long len, int prot, int flags, String file, long offset) {
        calls.add(String.format("mmap 0x%x 0x%x %d 0x%x %s %d", addr, len, prot, flags, file, offset));
        if (len == 0 || (addr & 0xfff) != 0) {
            return OpResult.errno(22);
        }
        long l = (len + 0xfff) & ~0xfffL;
        boolean fixed = (flags & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) != 0;
        long at = addr;
        if (!fixed) {
            nextChosen -= l;
            at = nextChosen;
        } else if ((flags & MapFlags.FIXED_NOREPLACE) != 0 && find(at) != null) {
            return OpResult.errno("EEXIST");
        }
        String name = file == null ? "" : "/memfd:" + file + " (deleted)";
        add(mm(), new Vma(at, at + l, prot, (flags & MapFlags.SHARED) != 0, name));
        return OpResult.value(at);
    }

    @Override
    public OpResult munmap(long addr, long len) {
        calls.add(String.format("munmap 0x%x 0x%x", addr, len));
        mm().subMap(addr, addr + len).clear();
        return OpResult.ok();
    }

    @Override
    public OpResult mprotect(long addr, long len, int prot) {
        calls.add(String.format("mprotect 0x%x 0x%x %d", addr, len, prot));
        Vma v = find(addr);
        if (v == null) {
            return OpResult.errno("ENOMEM");
        }
        v.prot = prot;
        return OpResult.ok();
    }

    @Override
    public OpResult mremap(long oldAddr, long oldLen, long newLen, int flags, long newAddr) {
        calls.add(String.format("mremap 0x%x 0x%x 0x%x %d 0x%x", oldAddr, oldLen, newLen, flags, newAddr));
        Vma v = find(oldAddr);
        if (v == null) {
            return OpResult.errno("EFAULT");
        }
        long to = (flags & MapFlags.MREMAP_FIXED) != 0 ? newAddr : oldAddr;
        if ((flags & MapFlags.MREMAP_FIXED) == 0 && (flags & MapFlags.MREMAP_MAYMOVE) != 0 && newLen > oldLen) {
            nextChosen -= newLen;
            to = nextChosen;
        }
        mm().remove(v.start);
        Vma n = new Vma(to, to + newLen, v.prot, v.shared, v.name);
        add(mm(), n);
        return OpResult.value(to);
    }

    @Override
    public OpResult madvise(long addr, long len, int advice) {
        calls.add(String.format("madvise 0x%x 0x%x %d", addr, len, advice));
        return OpResult.ok();
    }

    @Override
    public OpResult mlock(long addr, long len) {
        calls.add(String.format("mlock 0x%x 0x%x", addr, len));
        return OpResult.ok();
    }

    @Override
    public OpResult munlock(long addr, long len) {
        calls.add(String.format("munlock 0x%x 0x%x", addr, len));
        return OpResult.ok();
    }

    @Override
    public OpResult mlockall(int flags) {
        calls.add(String.format("mlockall 0x%x", flags));
        return OpResult.ok();
    }

    @Override
    public OpResult munlockall() {
        calls.add("munlockall");
        return OpResult.ok();
    }

    @Override
    public OpResult capdrop(int cap) {
        calls.add("capdrop " + cap);
        return OpResult.ok();
    }

    @Override
    public OpResult mseal(long addr, long len, long flags) {
        calls.add(String.format("mseal 0x%x 0x%x %d", addr, len, flags));
        return OpResult.ok();
    }

    @Override
    public OpResult brk(long addr) {
        calls.add(String.format("brk 0x%x", addr));
        if (addr != 0) {
            brk = addr;
        }
        return OpResult.value(brk);
    }

    @Override
    public OpResult touch(long addr, Access access) {
        calls.add(String.format("touch 0x%x %s", addr, access.letter()));
        Vma v = find(addr);
        if (v == null) {
            faults.add(new FaultRecord(faults.size(), current, addr, access.letter(), "", "", 0, VmFaultResult.SIGSEGV, -1, null));
            return OpResult.signal(11, 1);
        }
        int need = access == Access.READ ? 1 : access == Access.WRITE ? 2 : 4;
        if ((v.prot & need) == 0) {
            return OpResult.signal("SIGSEGV", "ACCERR");
        }
        int page = (int) ((addr - v.start) >>> 12);
        if (v.name.equals("[vvar]") && page == 1) {
            return OpResult.signal(7, 2);
        }
        if (!v.name.startsWith("[")) {
            v.pages[page] = access == Access.WRITE ? 'A' : v.name.isEmpty() ? 'Z' : 'F';
        }
        faults.add(new FaultRecord(faults.size(), current, addr, access.letter(), v.name.isEmpty() ? "anon" : v.name,
                "fake_fault", page, VmFaultResult.NOPAGE, 0x1000 + faults.size(), null));
        return OpResult.ok();
    }

    @Override
    public OpResult read(long addr) {
        OpResult r = touch(addr, Access.READ);
        return r.succeeded() ? OpResult.value(0x41) : r;
    }

    @Override
    public OpResult write(long addr, int value) {
        calls.add("write-value " + value);
        return touch(addr, Access.WRITE);
    }

    @Override
    public OpResult fork() {
        calls.add("fork");
        int child = nextPid++;
        TreeMap<Long, Vma> m = new TreeMap<>();
        for (Vma v : mm().values()) {
            Vma c = v.copy();
            for (int i = 0; i < c.pages.length; i++) {
                if (c.pages[i] == 'A') {
                    c.pages[i] = 'a';
                    v.pages[i] = 'a';
                }
            }
            add(m, c);
        }
        procs.put(child, m);
        parent.put(child, current);
        current = child;
        return OpResult.pid(child);
    }

    @Override
    public OpResult exit() {
        calls.add("exit");
        if (!procs.containsKey(current)) {
            return OpResult.errno("ESRCH");
        }
        procs.remove(current);
        current = parent.getOrDefault(current, 0);
        return OpResult.ok();
    }

    @Override
    public OpResult switchTo(int pid) {
        calls.add("switch " + pid);
        if (!procs.containsKey(pid)) {
            return OpResult.errno("ESRCH");
        }
        current = pid;
        return OpResult.ok();
    }

    @Override
    public int currentPid() {
        return procs.containsKey(current) ? current : 0;
    }

    @Override
    public OptionalLong specialMappingStart(String name) {
        if (mm() == null) {
            return OptionalLong.empty();
        }
        for (Vma v : mm().values()) {
            if (v.name.equals(name)) {
                return OptionalLong.of(v.start);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public List<VmaSnapshot> dump() {
        return dump(current);
    }

    @Override
    public List<Integer> liveProcesses() {
        return List.copyOf(procs.keySet());
    }

    @Override
    public List<VmaSnapshot> dump(int pid) {
        List<VmaSnapshot> out = new ArrayList<>();
        TreeMap<Long, Vma> m = procs.get(pid);
        if (m == null) {
            return out;
        }
        for (Vma v : m.values()) {
            List<String> flags = new ArrayList<>();
            if ((v.prot & 1) != 0) {
                flags.add("rd");
            }
            if ((v.prot & 2) != 0) {
                flags.add("wr");
            }
            if ((v.prot & 4) != 0) {
                flags.add("ex");
            }
            flags.addAll(List.of("mr", "mw", "me"));
            String perms = Prot.text(v.prot) + (v.shared ? 's' : 'p');
            out.add(new VmaSnapshot(v.start, v.end, perms, 0, v.name, flags, new String(v.pages)));
        }
        return out;
    }

    @Override
    public List<FaultRecord> faults() {
        return List.copyOf(faults);
    }
}
