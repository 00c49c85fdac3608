package org.mmwb.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scenario on the live kernel: a tree of processes addressed by scenario pids 1, 2, ... in the order they
 * were created. Pid 1 exists from the start; {@link HostProcess#fork()} adds one, {@link HostProcess#exit()}
 * ends one. {@link #close()} SIGKILLs what is left and reaps it. When an operation exceeds the helper's deadline
 * the whole scenario is killed; every later operation then answers a {@link HostResult.Kind#FAILURE}.
 */
public final class HostScenario implements AutoCloseable {
    private final HostKernel kernel;
    private final Map<Integer, HostProcess> processes = new TreeMap<>();
    private String endedBecause;

    HostScenario(HostKernel kernel) {
        this.kernel = kernel;
        processes.put(1, new HostProcess(this, 1, 0));
    }

    /**
     * @param pid a scenario pid
     * @return its process, or null when it never existed or has exited
     */
    public synchronized HostProcess process(int pid) {
        HostProcess p = processes.get(pid);
        return p != null && p.isAlive() ? p : null;
    }

    /** @return the live processes, by scenario pid */
    public synchronized List<HostProcess> processes() {
        List<HostProcess> out = new ArrayList<>();
        for (HostProcess p : processes.values()) {
            if (p.isAlive()) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return null while the scenario runs, else why it ended */
    public synchronized String endedBecause() {
        return endedBecause;
    }

    /** @return the host kernel running this scenario */
    public HostKernel kernel() {
        return kernel;
    }

    synchronized HostProcess added(int pid, int parent) {
        HostProcess p = new HostProcess(this, pid, parent);
        processes.put(pid, p);
        return p;
    }

    synchronized void markEnded(String why) {
        if (endedBecause == null) {
            endedBecause = why;
        }
        for (HostProcess p : processes.values()) {
            p.markDead();
        }
    }

    /**
     * The user page faults the scenario's own accesses took so far, in every process of its tree (the helper's
     * {@code faults} command; mmwb-hostd.c, FAULTS, says which faults count as the scenario's).
     *
     * @return the faults, or why they could not be captured
     */
    public HostFaults faults() {
        List<String> block = kernel.requestLong("faults", 60_000);
        String head = block.get(0);
        if (head.startsWith("fail ")) {
            String why = head.substring(5);
            return new HostFaults(List.of(), why.startsWith("faults not captured: ")
                    ? why.substring("faults not captured: ".length()) : why);
        }
        if (!head.startsWith("list ")) {
            return new HostFaults(List.of(), "unexpected answer from the helper: " + head);
        }
        List<HostFault> out = new ArrayList<>(block.size() - 1);
        for (String line : block.subList(1, block.size())) {
            String[] f = line.trim().split(" ");
            try {
                out.add(new HostFault(Integer.parseInt(f[0]), Long.parseUnsignedLong(f[1].substring(2), 16),
                        Long.parseUnsignedLong(f[2].substring(2), 16), Long.parseUnsignedLong(f[3].substring(2), 16)));
            } catch (RuntimeException e) {
                return new HostFaults(List.of(), "unreadable fault line from the helper: " + line);
            }
        }
        return new HostFaults(out, null);
    }

    /** Sends a process command unless the scenario is over; a timeout ends the scenario. */
    List<String> send(String command) {
        String why = endedBecause();
        if (why != null) {
            return List.of("fail the scenario has ended: " + why);
        }
        List<String> block = kernel.request(command);
        String head = block.get(0);
        if (head.startsWith("fail timeout")) {
            markEnded(head.substring(5));
        }
        return block;
    }

    /** Kills the scenario's remaining processes and reaps them. */
    @Override
    public void close() {
        if (endedBecause() == null) {
            markEnded("closed");
            kernel.endScenario(this);
        } else {
            kernel.endScenario(this);
        }
    }
}
