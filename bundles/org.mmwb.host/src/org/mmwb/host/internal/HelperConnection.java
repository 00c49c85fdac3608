package org.mmwb.host.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mmwb.host.HostException;

/**
 * The pipe to one running helper: sends a command line, collects its answer block (one line, or a {@code list N}
 * / {@code dump ... end} block). A reader thread feeds the lines into a queue so that a wedged helper is noticed
 * by a deadline instead of blocking the caller for ever; then the helper is killed.
 */
public final class HelperConnection implements AutoCloseable {
    private static final String EOF = new String("<eof>");
    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private HelperConnection(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        Thread out = new Thread(() -> pump(new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true), "mmwb-hostd-out");
        Thread err = new Thread(() -> pump(new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false), "mmwb-hostd-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /**
     * @param binary the helper executable
     * @return a connection to a freshly started helper
     * @throws IOException when the process cannot be started
     */
    public static HelperConnection start(Path binary) throws IOException {
        return new HelperConnection(new ProcessBuilder(binary.toString()).start());
    }

    private void pump(BufferedReader r, boolean stdout) {
        try (r) {
            for (String l; (l = r.readLine()) != null;) {
                if (stdout) {
                    lines.add(l);
                } else {
                    synchronized (stderrTail) {
                        stderrTail.addLast(l);
                        if (stderrTail.size() > 20) {
                            stderrTail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the helper is gone; the EOF marker below tells the waiting caller
        }
        if (stdout) {
            lines.add(EOF);
        }
    }

    /** @return the helper's operating-system pid */
    public long pid() {
        return process.pid();
    }

    /** @return whether the helper still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the helper process (for tests that look at its descendants) */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Sends one command and returns its answer block.
     *
     * @param command  the command line, without newline
     * @param waitMs   how long to wait for the first line of the answer before the helper is declared wedged
     * @return the answer's lines: the header first
     * @throws HostException when the helper is gone or stops answering
     */
    public synchronized List<String> request(String command, long waitMs) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a command is one line");
        }
        try {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw gone("cannot send to the live-kernel helper", e);
        }
        List<String> block = new ArrayList<>();
        String head = next(waitMs, command);
        block.add(head);
        if (head.startsWith("list ")) {
            int n = Integer.parseInt(head.substring(5).trim());
            for (int i = 0; i < n; i++) {
                block.add(next(waitMs, command));
            }
        } else if (head.equals("dump")) {
            for (String l = next(waitMs, command); !l.equals("end"); l = next(waitMs, command)) {
                block.add(l);
            }
        }
        return block;
    }

    private String next(long waitMs, String command) {
        String l;
        try {
            l = lines.poll(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while waiting for the live-kernel helper");
        }
        if (l == null) {
            process.destroyForcibly();
            throw new HostException("the live-kernel helper did not answer '" + command + "' within " + waitMs
                    + " ms and was killed");
        }
        if (l == EOF) {
            throw gone("the live-kernel helper exited while answering '" + command + "'", null);
        }
        return l;
    }

    private HostException gone(String what, Exception cause) {
        String tail;
        synchronized (stderrTail) {
            tail = String.join("\n", stderrTail);
        }
        return new HostException(what + (tail.isEmpty() ? "" : ": " + tail), cause);
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.close();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
