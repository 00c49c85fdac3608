package org.mmwb.ui.internal.props;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.Smaps;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.ProviderItem;
import org.mmwb.ui.internal.session.PteItem;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.addrmap.Sizes;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;

/**
 * Adapts the views' elements (VMA, page-table entry, fault, provider, process) to {@link IPropertySource} for the
 * Properties view; registered in plugin.xml.
 */
public final class MmwbAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object o, Class<T> type) {
        if (type != IPropertySource.class) {
            return null;
        }
        if (o instanceof VmaRow v) {
            return type.cast(new LiveProps(() -> vmaNow(v)));
        }
        if (o instanceof ProcessInfo pi) {
            return type.cast(new LiveProps(() -> processNow(pi)));
        }
        if (o instanceof PteItem e) {
            return type.cast(new LiveProps(() -> pteNow(e)));
        }
        if (o instanceof FaultRef f) {
            return type.cast(new LiveProps(() -> faultNow(f)));
        }
        Props p = switch (o) {
            case ProviderItem i -> provider(i);
            case ProcessInfo pi -> process(pi);
            case StepRecord r -> step(r);
            default -> null;
        };
        return type.cast(p);
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }

    /** A VMA as the current state has it (it may have been unmapped, split or belong to a closed session). */
    static Props vmaNow(VmaRow v) {
        SessionState s = Session.get().state();
        ProcessInfo p = s.process(v.pid());
        VmaRow now = p == null ? null : p.vmaStarting(v.start());
        if (now == null) {
            return gone("VMA", "0x" + Long.toHexString(v.start()) + " of pid " + v.pid(), s);
        }
        return vma(now, smapsOf(s, now));
    }

    /** The entry as the current page tables have it (a step may have changed or zapped it). */
    static Props pteNow(PteItem e) {
        SessionState s = Session.get().state();
        Task t = s.task(e.pid());
        if (t == null || !t.alive() || t.mm() == null) {
            return gone("Entry", e.level() + " of pid " + e.pid(), s);
        }
        org.mmwb.core.mm.PageTableView pt = t.mm().pageTable();
        long[] out = new long[pt.levels()];
        int n = pt.walk(e.entry().va(), out);
        long raw = e.entry().depth() < n ? out[e.entry().depth()] : 0;
        return pte(new PteItem(e.pid(), e.entry(), e.level(), raw, e.spanShift()));
    }

    /** The fault if the session's log still holds it (another session's log has other faults at that seq). */
    static Props faultNow(FaultRef f) {
        SessionState s = Session.get().state();
        ReadOnlyFaultLog log = s.faultLog();
        if (log == null || f.seq() < log.firstSeq() || f.seq() >= log.nextSeq() || log.pid(f.seq()) != f.pid()
                || log.address(f.seq()) != f.address()) {
            return gone("Fault", "fault " + f.seq() + " (pid " + f.pid() + ", 0x" + Long.toHexString(f.address())
                    + ")", s);
        }
        return fault(f, log);
    }

    static Props processNow(ProcessInfo pi) {
        SessionState s = Session.get().state();
        ProcessInfo now = s.process(pi.pid());
        return now == null ? gone("Process", "pid " + pi.pid(), s) : process(now);
    }

    private static Props gone(String category, String what, SessionState s) {
        return new Props().add(category, "state", what + " does not exist in " + (s.title().isEmpty()
                ? "the session" : s.title()) + " at step " + s.position() + " (unmapped, exited or another session)");
    }

    /** The smaps counters of a VMA of a simulated session, or null (imported sessions, the gate area). */
    static Smaps smapsOf(SessionState s, VmaRow v) {
        Task t = s.task(v.pid());
        if (t == null || s.kernel() == null || v.gate()) {
            return null;
        }
        return s.kernel().smaps(t, v.start());
    }

    /** Pagemap letters shown in a property: a cell of a million letters would take GTK seconds to lay out. */
    static final int PAGEMAP_CHARS = 1024;

    /** Properties of a VMA. */
    public static Props vma(VmaRow v) {
        return vma(v, null);
    }

    /** Properties of a VMA with its smaps counters (null: only what the maps line and pagemap letters show). */
    public static Props vma(VmaRow v, Smaps m) {
        Props p = new Props()
                .add("VMA", "name", v.displayName())
                .add("VMA", "pid", v.pid())
                .add("VMA", "vm_start", Sizes.hex(v.start()))
                .add("VMA", "vm_end", Sizes.hex(v.end()))
                .add("VMA", "size", Sizes.human(v.size()) + " (" + (v.size() >>> 12) + " pages)")
                .add("VMA", "perms", v.perms())
                .add("VMA", "offset", Sizes.hex(v.offset()))
                .add("VMA", "VmFlags", String.join(" ", v.flags()))
                .add("VMA", "vm_flags", v.vmFlags() < 0 ? "(imported: mnemonics only)" : Sizes.hex(v.vmFlags()))
                .add("VMA", "kind", v.kind().label());
        if (v.vmFlags() >= 0) {
            p.add("VMA", "VM_IO | VM_PFNMAP", (v.vmFlags() & (VmFlags.IO | VmFlags.PFNMAP)) != 0 ? "yes" : "no");
        }
        if (m != null) {
            String c = "smaps";
            p.add(c, "Size", kb(v.size()))
                    .add(c, "KernelPageSize", "4 kB")
                    .add(c, "MMUPageSize", "4 kB")
                    .add(c, "Rss", kb(m.rss()))
                    .add(c, "Pss", kb(m.pss()))
                    .add(c, "Pss_Dirty", kb(m.pss() * (m.sharedDirty() + m.privateDirty()) / Math.max(1, m.rss())))
                    .add(c, "Shared_Clean", kb(m.sharedClean()))
                    .add(c, "Shared_Dirty", kb(m.sharedDirty()))
                    .add(c, "Private_Clean", kb(m.privateClean()))
                    .add(c, "Private_Dirty", kb(m.privateDirty()))
                    .add(c, "Referenced", kb(m.referenced()))
                    .add(c, "Anonymous", kb(m.anonymous()))
                    .add(c, "AnonHugePages", kb(m.anonHugePages()))
                    .add(c, "Swap", kb(m.swap()))
                    .add(c, "Locked", kb(m.locked()))
                    .add(c, "THPeligible", (m.thpEligible() ? "1" : "0") + (m.thpEligible() ? ""
                            : "  (THP is \"madvise\": only VM_HUGEPAGE anonymous VMAs with an aligned 2 MiB block)"));
        } else {
            p.add("Pages", "Rss", Sizes.human(v.residentPages() << 12));
        }
        p.add("Pages", "pagemap", v.pages().length() <= PAGEMAP_CHARS ? v.pages()
                        : v.pages().substring(0, PAGEMAP_CHARS) + "\u2026 (" + v.pages().length() + " pages)")
                .add("Pages", "legend", ". not present, Z zero page, A anon, a anon shared after fork, F file, G guard");
        if (v.isSpecial()) {
            p.add("Special mapping", "provider", v.provider().isEmpty() ? "(gate area)" : v.provider())
                    .add("Special mapping", "gate area", v.gate() ? "yes (not in the VMA tree)" : "no");
        }
        return p;
    }

    /** A size as smaps prints it ("12 kB"); a fractional Pss keeps three decimals. */
    static String kb(double bytes) {
        double k = bytes / 1024;
        return k == Math.rint(k) ? String.format("%d kB", (long) k) : String.format("%.3f kB", k);
    }

    /** Properties of a page-table entry. */
    public static Props pte(PteItem e) {
        return new Props()
                .add("Entry", "level", e.level())
                .add("Entry", "index", e.entry().index())
                .add("Entry", "pid", e.pid())
                .add("Entry", "VA range", Sizes.hex(e.entry().va()) + "\u2013" + Sizes.hex(e.entry().va()
                        + (1L << e.spanShift())))
                .add("Entry", "maps", Sizes.human(1L << e.spanShift()))
                .add("Entry", "raw", String.format("0x%016x", e.raw()))
                .add("Entry", "decoded", e.decoded())
                .add("Entry", "PFN", e.pfn() < 0 ? "none" : Sizes.hex(e.pfn()));
    }

    /** Properties of a fault of the session's log (the log may have dropped it). */
    public static Props fault(FaultRef f, ReadOnlyFaultLog log) {
        Props p = new Props()
                .add("Fault", "seq", f.seq())
                .add("Fault", "pid", f.pid())
                .add("Fault", "address", Sizes.hex(f.address()))
                .add("Fault", "VMA", f.hasVma() ? Sizes.hex(f.vmaStart()) : "none (bad_area)");
        if (log != null && f.seq() >= log.firstSeq() && f.seq() < log.nextSeq()) {
            long s = f.seq();
            p.add("Fault", "access", ReadOnlyFaultLog.accessName(log.access(s)))
                    .add("Fault", "handler", log.name(log.handler(s)))
                    .add("Fault", "path", log.name(log.path(s)))
                    .add("Fault", "pgoff", log.pgoff(s))
                    .add("Fault", "result", VmFaultResult.describe(log.result(s)))
                    .add("Fault", "PFN", log.pfn(s) == ReadOnlyFaultLog.NO_PFN ? "none" : Sizes.hex(log.pfn(s)));
            if (log instanceof org.mmwb.ui.internal.widgets.faultlog.FaultOrigins o && o.recordedLine(s) > 0) {
                p.add("Recorded", "line", o.recordedLine(s));
                if (o.ip(s) != -1) {
                    p.add("Recorded", "ip", Sizes.hex(o.ip(s))).add("Recorded", "function", o.location(s));
                }
            }
            var kernel = Session.get().state().kernel();
            if (kernel != null && kernel.faultLog() == log) {
                String reason = kernel.fault(s).reason();
                if (reason != null) {
                    p.add("Fault", "handler failure", reason);
                }
            }
        }
        return p;
    }

    /** Properties of a special-mapping provider. */
    public static Props provider(ProviderItem i) {
        return new Props()
                .add("Provider", "name", i.provider().name())
                .add("Provider", "pages", i.provider().pages())
                .add("Provider", "vm_flags", VmFlags.smapsLine(i.provider().vmFlags()))
                .add("Provider", "placement", i.placement())
                .add("Provider", "profiles", i.profiles())
                .add("Provider", "callbacks", i.callbacks())
                .add("Provider", "contributor", i.provider().contributor())
                .add("Provider", "legacy vmops", i.provider().legacy() ? "yes" : "no");
    }

    /** Properties of an executed scenario line. */
    public static Props step(StepRecord r) {
        Props p = new Props()
                .add("Step", "step", r.index() + 1)
                .add("Step", "line", r.line())
                .add("Step", "operation", r.opName())
                .add("Step", "pid", r.record() == null ? "-" : r.record().pid())
                .add("Step", "result", r.resultText())
                .add("Step", "faults", r.faults() == 0 ? "none" : r.faults() + " (seq " + r.firstFault() + "-"
                        + (r.endFault() - 1) + ")");
        if (r.record() != null && r.record().sym() != null) {
            p.add("Step", "symbolic", r.record().sym());
        }
        if (r.remark() != null) {
            p.add("Step", r.differs() ? "differs from the kernel" : "recorded", r.remark());
        }
        int i = 0;
        for (org.mmwb.ui.internal.session.StepChange c : r.changes()) {
            if (i++ == 40) {
                p.add("Changes", "...", (r.changes().size() - 40) + " more in the Results view");
                break;
            }
            p.add("Changes", String.format("%02d %s", i, c.kind().name().toLowerCase().replace('_', ' ')), c.text());
        }
        return p;
    }

    /** Properties of a process. */
    public static Props process(ProcessInfo pi) {
        long rss = 0;
        long total = 0;
        for (VmaRow v : pi.vmas()) {
            rss += v.residentPages();
            total += v.gate() ? 0 : v.size();
        }
        return new Props()
                .add("Process", "pid", pi.pid())
                .add("Process", "parent", pi.parentPid() == 0 ? "-" : pi.parentPid())
                .add("Process", "alive", pi.alive() ? "yes" : "no (exited)")
                .add("Process", "map_count", pi.vmas().stream().filter(v -> !v.gate()).count())
                .add("Process", "total_vm", Sizes.human(total))
                .add("Process", "Rss", Sizes.human(rss << 12));
    }
}
