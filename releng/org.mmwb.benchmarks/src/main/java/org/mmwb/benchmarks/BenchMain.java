package org.mmwb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.host.HostBench;
import org.mmwb.host.HostKernel;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./mmwb bench --json}: runs the JMH benchmarks of the simulator, the same figures on the live kernel
 * (through the C helper of org.mmwb.host) and the size measurements, and prints one JSON object on stdout with the
 * figures, the simulator/host ratios, the design targets (docs/performance.md) and whether each is met.
 * <p>
 * Options: {@code --quick} (about 30 s instead of about 2-3 min), {@code --only REGEX} (JMH benchmarks to run),
 * {@code --no-host}, {@code --no-sizes}, {@code --jmh-log FILE} (JMH's own output, by default a temporary file).
 * Progress goes to stderr.
 */
public final class BenchMain {
    static final double TARGET_FAULTS = 20e6;
    static final double TARGET_TRIPLES = 2e6;
    static final double TARGET_FIND_NS = 50;
    static final double TARGET_BYTES_PAGE = 16;
    static final double TARGET_BYTES_FAULT = 32;

    private static final String P = BenchMain.class.getPackageName() + ".";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean host = true;
        boolean sizes = true;
        String only = null;
        Path jmhLog = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-host" -> host = false;
                case "--no-sizes" -> sizes = false;
                case "--only" -> only = args[++i];
                case "--jmh-log" -> jmhLog = Path.of(args[++i]);
                case "--json" -> { } // the only output format
                default -> {
                    System.err.println("usage: BenchMain [--quick] [--only REGEX] [--no-host] [--no-sizes] "
                            + "[--jmh-log FILE]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        Json out = new Json();
        out.put("quick", quick);
        out.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", loadAverage());

        // the live kernel first, while the machine is quietest (no JMH fork running)
        Map<String, Object> hostFig = host ? hostFigures(quick) : Map.of("host_unavailable_reason", "--no-host");
        hostFig.forEach(out::put);

        if (sizes) {
            progress("sizes: 1M faulted pages, 10M logged faults");
            out.put("bytes_per_resident_page", round(Footprint.bytesPerResidentPage(1 << 20)));
            System.gc();
            out.put("fault_log_bytes_per_fault", round(Footprint.faultLogBytesPerFault(quick ? 2_000_000 : 10_000_000,
                    1 << 20)));
            out.put("fault_log_faults_measured", quick ? 2_000_000 : 10_000_000);
            System.gc();
        }

        Map<String, Fig> jmh = runJmh(quick, only, jmhLog);
        putFig(out, jmh, "SimAnonFaultBench.anonWriteFault", "sim_anon_faults_per_s");
        putFig(out, jmh, "SimAnonFaultBench.anonWriteFaultAndStore", "sim_anon_faults_and_store_per_s");
        putFig(out, jmh, "SimMmapBench.mmapMprotectMunmap", "sim_mmap_mprotect_munmap_per_s");
        putFig(out, jmh, "SimMmapBench.mmapMprotectMunmapNeighbours", "sim_mmap_mprotect_munmap_neighbours_per_s");
        putFig(out, jmh, "FindVmaBench.findVmaRandom", "find_vma_ns_100k");
        putFig(out, jmh, "FindVmaBench.findVmaSequential", "find_vma_ns_100k_sequential");

        out.put("sim_over_host_anon_faults", ratio(out.get("sim_anon_faults_per_s"),
                out.get("host_anon_faults_per_s")));
        out.put("sim_over_host_mmap_mprotect_munmap", ratio(out.get("sim_mmap_mprotect_munmap_per_s"),
                out.get("host_mmap_mprotect_munmap_per_s")));

        Json targets = new Json();
        target(targets, out, "sim_anon_faults_per_s", ">=", TARGET_FAULTS);
        target(targets, out, "sim_mmap_mprotect_munmap_per_s", ">=", TARGET_TRIPLES);
        target(targets, out, "find_vma_ns_100k", "<=", TARGET_FIND_NS);
        target(targets, out, "bytes_per_resident_page", "<=", TARGET_BYTES_PAGE);
        target(targets, out, "fault_log_bytes_per_fault", "<=", TARGET_BYTES_FAULT);
        out.put("targets", targets);
        out.put("all_targets_met", targets.values().stream().allMatch(t -> Boolean.TRUE.equals(((Json) t).get("met"))));
        out.put("load_average_end", loadAverage());
        out.put("wall_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        System.out.println(out);
    }

    // ------------------------------------------------------------------------------------------------- host

    private static Map<String, Object> hostFigures(boolean quick) {
        Map<String, Object> m = new LinkedHashMap<>();
        String reason = HostKernel.unavailableReason();
        if (reason != null) {
            m.put("host_anon_faults_per_s", null);
            m.put("host_mmap_mprotect_munmap_per_s", null);
            m.put("host_unavailable_reason", reason);
            m.put("kernel_release", System.getProperty("os.version"));
            return m;
        }
        progress("host kernel: anonymous write faults, mmap+mprotect+munmap");
        try (HostKernel k = HostKernel.start()) {
            HostBench b = new HostBench(k, quick ? 5 : 7);
            m.put("host_anon_faults_per_s", b.anonWriteFaultsPerSecond(SimAnonFaultBench.PAGES));
            m.put("host_mmap_mprotect_munmap_per_s", b.mmapMprotectMunmapPerSecond(100_000));
            m.put("host_runs_per_figure", b.runs());
            m.put("host_unavailable_reason", null);
            m.put("kernel_release", k.kernelRelease());
        } catch (Exception e) { // HostUnavailableException or a HostException from the helper
            m.put("host_anon_faults_per_s", null);
            m.put("host_mmap_mprotect_munmap_per_s", null);
            m.put("host_unavailable_reason", String.valueOf(e.getMessage()));
            m.put("kernel_release", System.getProperty("os.version"));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------- JMH

    /** A JMH figure: median of the measurement iterations, JMH's mean and its 99.9% error, the unit. */
    record Fig(double median, double mean, double error, String unit, int samples) {
    }

    private static Map<String, Fig> runJmh(boolean quick, String only, Path jmhLog) throws RunnerException,
            IOException {
        Path log = jmhLog != null ? jmhLog : Files.createTempFile("mmwb-jmh", ".log");
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx4g", "-XX:+UseParallelGC"));
        if (Runtime.version().feature() >= 23) {
            jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        }
        ChainedOptionsBuilder ob = new OptionsBuilder()
                .include(only != null ? only : P.replace(".", "\\.") + ".*Bench\\..*")
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .output(log.toString());
        progress("JMH (output in " + log + ")");
        Collection<RunResult> results;
        try {
            results = new Runner(ob.build()).run();
        } catch (RunnerException e) {
            System.err.println("JMH failed; its output:\n" + Files.readString(log));
            throw e;
        }
        Map<String, Fig> figs = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult br : r.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    scores.add(ir.getPrimaryResult().getScore());
                }
            }
            double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
            var p = r.getPrimaryResult();
            figs.put(name, new Fig(median(s), p.getScore(), p.getScoreError(), p.getScoreUnit(), s.length));
        }
        return figs;
    }

    private static void putFig(Json out, Map<String, Fig> jmh, String bench, String key) {
        Fig f = jmh.get(bench);
        if (f == null) {
            return;
        }
        out.put(key, round(f.median()));
        out.put(key + "_jmh_mean", round(f.mean()));
        out.put(key + "_jmh_error", Double.isNaN(f.error()) ? null : round(f.error()));
        out.put(key + "_unit", f.unit());
        out.put(key + "_samples", f.samples());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static void target(Json targets, Json out, String key, String op, double limit) {
        Object v = out.get(key);
        Json t = new Json();
        t.put("target", limit);
        t.put("op", op);
        t.put("value", v);
        t.put("met", v instanceof Number n ? (op.equals(">=") ? n.doubleValue() >= limit : n.doubleValue() <= limit)
                : null);
        targets.put(key, t);
    }

    private static Object ratio(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y && y.doubleValue() > 0
                ? round(x.doubleValue() / y.doubleValue()) : null;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        double mag = Math.abs(d) >= 1000 ? 1 : Math.abs(d) >= 1 ? 100 : 10000;
        return Math.round(d * mag) / mag;
    }

    private static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            return String.join(" ", Arrays.copyOf(s.split(" "), 3));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void progress(String what) {
        System.err.println("[bench] " + what);
    }
}
