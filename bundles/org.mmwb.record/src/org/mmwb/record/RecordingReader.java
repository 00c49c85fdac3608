package org.mmwb.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwb.host.InputFileException;
import org.mmwb.host.InputFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads a recording (docs/recording.md, version 1). Every malformed line is reported as FILE:LINE with what is
 * wrong; unknown line types and unknown fields are skipped (later versions add, never change). Values the live
 * kernel cannot have are malformed too (a VMA ending below its start, a pid beyond 32 bits, a run of present pages
 * outside its VMA), so that the replay only sees what a recorder can write; and the input is bounded: lines of at
 * most {@link #MAX_LINE_CHARS}, at most {@link #MAX_PAGES} present or cached pages in all (each is touched by the
 * replay), files of at most half the Java heap.
 */
public final class RecordingReader {
    /** The longest line read: an exec snapshot of 200,000 VMAs is about 50 MB. */
    public static final int MAX_LINE_CHARS = 64 << 20;
    /** The most pages the runs of a recording may name in all (256 GiB): the replay touches or caches each. */
    public static final long MAX_PAGES = 1L << 26;

    private static final Pattern PERMS = Pattern.compile("[r-][w-][x-][ps]");
    private static final Pattern DEV = Pattern.compile("[0-9a-f]{1,8}:[0-9a-f]{1,8}");
    private static final long PAGE = 4096;

    private final String source;
    private int line;
    private long pages;

    private RecordingReader(String source) {
        this.source = source;
    }

    /** Reads the recording in file (a regular file of at most half the Java heap). */
    public static Recording read(Path file) throws RecordingException {
        return read(file, InputFiles.defaultLimit());
    }

    /** Reads the recording in file, refusing files larger than maxBytes. */
    public static Recording read(Path file, long maxBytes) throws RecordingException {
        RecordingReader r = new RecordingReader(file.toString());
        try (BufferedReader in = InputFiles.openUtf8(file, maxBytes)) {
            return r.read(new Lines(in));
        } catch (InputFileException e) {
            throw new RecordingException(e.getMessage());
        } catch (IOException e) {
            throw r.error(InputFiles.describe(e));
        } catch (OutOfMemoryError e) {
            // the events read so far are garbage once this is thrown: the heap is free again
            throw r.error("the recording is too large for this JVM's Java heap (" + (Runtime.getRuntime().maxMemory()
                >> 20) + " MiB): give the JVM more with MMWB_JAVA_OPTS=-Xmx8g");
        }
    }

    /** Reads a recording from in; source names it in messages. */
    public static Recording read(BufferedReader in, String source) throws RecordingException, IOException {
        return new RecordingReader(source).read(new Lines(in));
    }

    private Recording read(Lines in) throws RecordingException, IOException {
        String text = next(in);
        if (text == null) {
            line = 1;
            throw error("empty file: not a recording");
        }
        JsonObject h = object(text);
        if (!h.has("mmwb_recording")) {
            throw error("not an mmwb recording (the first line has no \"mmwb_recording\" version)");
        }
        long version = num(h, "mmwb_recording");
        if (version != Recording.VERSION) {
            throw error("recording format version " + version + " is not supported (this mmwb reads version "
                + Recording.VERSION + ")");
        }
        List<String> command = new ArrayList<>();
        if (h.has("command")) {
            for (JsonElement e : array(h, "command")) {
                if (!isString(e)) {
                    throw error("\"command\" is not an array of strings");
                }
                command.add(e.getAsString());
            }
        }
        List<RecordingEvent> events = new ArrayList<>();
        RecordingEvent.End end = null;
        while ((text = next(in)) != null) {
            if (text.isBlank()) {
                continue;
            }
            if (end != null) {
                throw error("a line after the \"end\" line");
            }
            RecordingEvent e = text.contains("\"type\":\"fault\"") ? fastFault(text) : null;
            if (e == null) {
                e = event(object(text));
            }
            if (e instanceof RecordingEvent.End x) {
                end = x;
            } else if (e != null) {
                events.add(e);
            }
        }
        boolean zeroPage = !h.has("zero_page") || bool(h, "zero_page");
        return new Recording(source, (int) version, str(h, "kernel", ""), str(h, "machine", ""), str(h, "thp", ""),
            zeroPage, command, events, end);
    }

    /** The next line, counted, or null at the end; a line beyond the limit is an error, not a heap exhausted. */
    private String next(Lines in) throws RecordingException, IOException {
        line++;
        String text = in.next(MAX_LINE_CHARS);
        if (text == Lines.TOO_LONG) {
            throw error("a line longer than " + (MAX_LINE_CHARS >> 20) + " MiB characters: not a recording line "
                + "(binary data, or the line breaks are missing?)");
        }
        return text;
    }

    private RecordingEvent event(JsonObject o) throws RecordingException {
        String type = str(o, "type", null);
        if (type == null) {
            throw error("a line without \"type\"");
        }
        long t = num(o, "t");
        return switch (type) {
            case "file" -> file(o, t);
            case "exec" -> new RecordingEvent.Exec(line, t, id(o, "pid"), id(o, "tid"), str(o, "exe", ""),
                hex(o, "start_brk"), hex(o, "start_stack"), o.has("stack_rlimit") ? rlimit(o) : -1, vmas(o));
            case "exit" -> new RecordingEvent.Exit(line, t, id(o, "pid"), id(o, "tid"),
                o.has("status") ? int32(o, "status") : 0, vmas(o));
            case "sys" -> sys(o, t);
            case "fault" -> new RecordingEvent.Fault(line, t, id(o, "pid"), id(o, "tid"), hex(o, "addr"),
                hex(o, "ip"), errorCode(o), o.has("kernel") && bool(o, "kernel"));
            case "task_new" -> new RecordingEvent.TaskNew(line, t, id(o, "pid"), id(o, "tid"), id(o, "ppid"),
                id(o, "ptid"), o.has("clone_flags") ? hex(o, "clone_flags") : -1);
            case "task_end" -> new RecordingEvent.TaskEnd(line, t, id(o, "pid"), id(o, "tid"));
            case "end" -> new RecordingEvent.End(line, t, bool(o, "complete"), count(o, "lost"), count(o, "throttled"),
                count(o, "syscalls"), count(o, "faults"), count(o, "wall_ns"),
                o.has("status") ? int32(o, "status") : -1);
            default -> null;
        };
    }

    /**
     * A fault line as the recorder writes it (the bulk of a recording: hundreds of thousands of lines) without a
     * JSON tree; null when the line is not in that exact shape, and the general path reads (and checks) it.
     */
    private RecordingEvent.Fault fastFault(String text) {
        try {
            long t = Long.parseLong(field(text, "\"t\":", ','));
            int pid = Integer.parseInt(field(text, "\"pid\":", ','));
            int tid = Integer.parseInt(field(text, "\"tid\":", ','));
            long addr = Long.parseUnsignedLong(field(text, "\"addr\":\"", '"'), 16);
            long ip = Long.parseUnsignedLong(field(text, "\"ip\":\"", '"'), 16);
            int error = Integer.parseInt(field(text, "\"error\":\"", '"'), 16);
            if (pid < 0 || tid < 0 || error < 0 || !text.startsWith("{") || !text.endsWith("}")) {
                return null;
            }
            boolean kernel = text.contains("\"kernel\":true");
            if (!kernel && text.contains("\"kernel\"")) {
                return null; // "kernel":false or a mistyped value: the general path decides
            }
            return new RecordingEvent.Fault(line, t, pid, tid, addr, ip, error, kernel);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(String text, String key, char end) {
        int i = text.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException(key);
        }
        i += key.length();
        int j = text.indexOf(end, i);
        if (j < 0) {
            j = text.indexOf('}', i);
        }
        return text.substring(i, j);
    }

    private RecordingEvent.FileInfo file(JsonObject o, long t) throws RecordingException {
        long size = count(o, "size");
        List<long[]> cached = o.has("cached") ? runs(o, "cached", (size + PAGE - 1) / PAGE) : List.of();
        return new RecordingEvent.FileInfo(line, t, dev(o), count(o, "ino"), str(o, "path", ""), size,
            o.has("fs") ? hex(o, "fs") : 0, cached);
    }

    private RecordingEvent.SysCall sys(JsonObject o, long t) throws RecordingException {
        if (!o.has("args") || !o.get("args").isJsonArray()) {
            throw error("a \"sys\" line without \"args\"");
        }
        JsonArray a = o.getAsJsonArray("args");
        long[] args = new long[6];
        for (int i = 0; i < Math.min(6, a.size()); i++) {
            if (!isString(a.get(i))) {
                throw error("\"args\" is not an array of hexadecimal strings");
            }
            args[i] = parseHex(a.get(i).getAsString(), "args");
        }
        String file = null;
        if (o.has("file") && o.get("file").isJsonObject()) {
            JsonObject f = o.getAsJsonObject("file");
            file = dev(f) + ":" + count(f, "ino");
        }
        boolean returned = o.has("ret");
        return new RecordingEvent.SysCall(line, t, o.has("t_enter") ? num(o, "t_enter") : t, id(o, "pid"),
            id(o, "tid"), str(o, "name", "?"), int32(o, "nr"), args, returned ? num(o, "ret") : 0, returned, file);
    }

    private List<RecordedVma> vmas(JsonObject o) throws RecordingException {
        if (!o.has("vmas") || !o.get("vmas").isJsonArray()) {
            throw error("no \"vmas\" array");
        }
        List<RecordedVma> out = new ArrayList<>();
        long previousEnd = 0;
        for (JsonElement e : o.getAsJsonArray("vmas")) {
            if (!e.isJsonObject()) {
                throw error("a VMA that is not an object");
            }
            JsonObject v = e.getAsJsonObject();
            long start = hex(v, "start");
            long end = hex(v, "end");
            String range = Long.toHexString(start) + "-" + Long.toHexString(end);
            if ((start & (PAGE - 1)) != 0 || (end & (PAGE - 1)) != 0) {
                throw error("VMA " + range + " is not page-aligned");
            }
            if (Long.compareUnsigned(end, start) <= 0) {
                throw error("VMA " + range + " ends at or below its start");
            }
            if (Long.compareUnsigned(start, previousEnd) < 0) {
                throw error("VMA " + range + " starts below the end of the VMA before it (VMAs overlap or are out "
                    + "of order)");
            }
            previousEnd = end;
            String perms = str(v, "perms", "----");
            if (!PERMS.matcher(perms).matches()) {
                throw error("VMA " + range + ": \"perms\" is not like \"rw-p\": '" + shorten(perms) + "'");
            }
            long pgoff = hex(v, "pgoff");
            if ((pgoff & (PAGE - 1)) != 0) {
                throw error("VMA " + range + ": \"pgoff\" (bytes) is not page-aligned");
            }
            long vmaPages = (end - start) >>> 12;
            out.add(new RecordedVma(start, end, perms, pgoff, v.has("dev") ? dev(v) : "00:00", count(v, "ino"),
                str(v, "name", ""), str(v, "vmflags", ""),
                v.has("anon_present") ? runs(v, "anon_present", vmaPages) : List.of(),
                v.has("file_present") ? runs(v, "file_present", vmaPages) : List.of()));
        }
        return out;
    }

    /** Runs [first page, count] within limit pages, counted against {@link #MAX_PAGES}. */
    private List<long[]> runs(JsonObject o, String key, long limit) throws RecordingException {
        JsonArray a = array(o, key);
        List<long[]> out = new ArrayList<>(a.size());
        for (JsonElement e : a) {
            if (!e.isJsonArray() || e.getAsJsonArray().size() != 2 || !isNumber(e.getAsJsonArray().get(0))
                || !isNumber(e.getAsJsonArray().get(1))) {
                throw error("\"" + key + "\": a page run that is not [first, count]");
            }
            long first = whole(e.getAsJsonArray().get(0), key);
            long n = whole(e.getAsJsonArray().get(1), key);
            if (first < 0 || n < 0 || first > limit || n > limit - first) {
                throw error("\"" + key + "\": the run [" + first + ", " + n + "] is outside the " + limit + " pages "
                    + "it describes");
            }
            pages += n;
            if (pages > MAX_PAGES) {
                throw error("the recording names more than " + MAX_PAGES + " present or cached pages in all ("
                    + (MAX_PAGES >> 18) + " GiB), more than the replay touches");
            }
            out.add(new long[] { first, n });
        }
        return out;
    }

    private JsonObject object(String text) throws RecordingException {
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw error("not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw error("not JSON (" + jsonProblem(String.valueOf(e.getMessage())) + ")");
        }
    }

    /**
     * Gson's message as the user needs it: "unterminated string at column 100", without the exception's class,
     * the JSON path and the advice to programmers.
     */
    private static String jsonProblem(String m) {
        Matcher x = GSON_MESSAGE.matcher(m);
        if (!x.find()) {
            return "a syntax error";
        }
        String what = x.group(1).startsWith("Use JsonReader.") ? "a syntax error" : x.group(1);
        return Character.toLowerCase(what.charAt(0)) + what.substring(1) + " at column " + x.group(2);
    }

    private static final Pattern GSON_MESSAGE = Pattern.compile(
        "(?:[\\w.]+Exception: )?(.+?) at line \\d+ column (\\d+)");

    private JsonArray array(JsonObject o, String key) throws RecordingException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw error("\"" + key + "\" is not an array");
        }
        return e.getAsJsonArray();
    }

    /** A whole JSON number of 64 bits (no fraction, no exponent, no overflow). */
    private long num(JsonObject o, String key) throws RecordingException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw error("missing number \"" + key + "\"");
        }
        if (!isNumber(e)) {
            throw error("\"" + key + "\" is not a number");
        }
        return whole(e, key);
    }

    private long whole(JsonElement e, String key) throws RecordingException {
        try {
            return Long.parseLong(e.getAsString());
        } catch (NumberFormatException x) {
            throw error("\"" + key + "\" is not a whole number that fits 64 bits: " + shorten(e.getAsString()));
        }
    }

    /** A number of 0 or more (sizes, counts, inode numbers). */
    private long count(JsonObject o, String key) throws RecordingException {
        long n = num(o, key);
        if (n < 0) {
            throw error("\"" + key + "\" is negative: " + n);
        }
        return n;
    }

    /** A pid or tid: 0 or more, 32 bits. */
    private int id(JsonObject o, String key) throws RecordingException {
        long n = num(o, key);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw error("\"" + key + "\" is not a process or thread id (0 to " + Integer.MAX_VALUE + "): " + n);
        }
        return (int) n;
    }

    private int int32(JsonObject o, String key) throws RecordingException {
        long n = num(o, key);
        if (n != (int) n) {
            throw error("\"" + key + "\" does not fit 32 bits: " + n);
        }
        return (int) n;
    }

    private long rlimit(JsonObject o) throws RecordingException {
        long n = num(o, "stack_rlimit");
        if (n < -1) {
            throw error("\"stack_rlimit\" is negative (only -1, unlimited, is): " + n);
        }
        return n;
    }

    private int errorCode(JsonObject o) throws RecordingException {
        long e = hex(o, "error");
        if (e >>> 32 != 0) {
            throw error("\"error\" is not a 32-bit x86 error code: " + Long.toHexString(e));
        }
        return (int) e;
    }

    private boolean bool(JsonObject o, String key) throws RecordingException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw error("missing true/false \"" + key + "\"");
        }
        return e.getAsBoolean();
    }

    private long hex(JsonObject o, String key) throws RecordingException {
        JsonElement e = o.get(key);
        if (!isString(e)) {
            throw error("missing hexadecimal string \"" + key + "\"");
        }
        return parseHex(e.getAsString(), key);
    }

    private long parseHex(String s, String key) throws RecordingException {
        try {
            if (s.startsWith("+")) {
                throw new NumberFormatException(s);
            }
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException x) {
            throw error("\"" + key + "\" is not a hexadecimal number: '" + shorten(s) + "'");
        }
    }

    /** A device as maps prints it ("fe:00"). */
    private String dev(JsonObject o) throws RecordingException {
        String d = str(o, "dev", "");
        if (!DEV.matcher(d).matches()) {
            throw error("\"dev\" is not a device like \"fe:00\": '" + shorten(d) + "'");
        }
        return d;
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isNumber(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isNumber();
    }

    private static String str(JsonObject o, String key, String dflt) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? dflt : e.getAsString();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private RecordingException error(String what) {
        return new RecordingException(source + ":" + line + ": " + what);
    }
}
