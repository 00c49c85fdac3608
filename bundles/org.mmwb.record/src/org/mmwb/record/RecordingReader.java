package org.mmwb.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads a recording (docs/recording.md, version 1). Every malformed line is reported as FILE:LINE with what is
 * wrong; unknown line types and unknown fields are skipped (later versions add, never change).
 */
public final class RecordingReader {
    private final String source;
    private int line;

    private RecordingReader(String source) {
        this.source = source;
    }

    /** Reads the recording in file. */
    public static Recording read(Path file) throws RecordingException {
        RecordingReader r = new RecordingReader(file.toString());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.read(in);
        } catch (NoSuchFileException e) {
            throw new RecordingException(file + ": no such file");
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads a recording from in; source names it in messages. */
    public static Recording read(BufferedReader in, String source) throws RecordingException, IOException {
        return new RecordingReader(source).read(in);
    }

    private Recording read(BufferedReader in) throws RecordingException, IOException {
        String text = in.readLine();
        line = 1;
        if (text == null) {
            throw error("empty file: not a recording");
        }
        JsonObject h = object(text);
        if (!h.has("mmwb_recording")) {
            throw error("not an mmwb recording (the first line has no \"mmwb_recording\" version)");
        }
        int version = (int) num(h, "mmwb_recording");
        if (version != Recording.VERSION) {
            throw error("recording format version " + version + " is not supported (this mmwb reads version "
                + Recording.VERSION + ")");
        }
        List<String> command = new ArrayList<>();
        if (h.has("command") && h.get("command").isJsonArray()) {
            for (JsonElement e : h.getAsJsonArray("command")) {
                command.add(e.getAsString());
            }
        }
        List<RecordingEvent> events = new ArrayList<>();
        RecordingEvent.End end = null;
        while ((text = in.readLine()) != null) {
            line++;
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
        boolean zeroPage = !h.has("zero_page") || !h.get("zero_page").isJsonPrimitive()
            || h.get("zero_page").getAsBoolean();
        return new Recording(source, version, str(h, "kernel", ""), str(h, "machine", ""), str(h, "thp", ""),
            zeroPage, command, events, end);
    }

    private RecordingEvent event(JsonObject o) throws RecordingException {
        String type = str(o, "type", null);
        if (type == null) {
            throw error("a line without \"type\"");
        }
        long t = num(o, "t");
        return switch (type) {
            case "file" -> new RecordingEvent.FileInfo(line, t, str(o, "dev", "?"), num(o, "ino"), str(o, "path", ""),
                num(o, "size"), o.has("fs") ? hex(o, "fs") : 0,
                o.has("cached") && o.get("cached").isJsonArray() ? runs(o.getAsJsonArray("cached"))
                    : List.of());
            case "exec" -> new RecordingEvent.Exec(line, t, (int) num(o, "pid"), (int) num(o, "tid"),
                str(o, "exe", ""), hex(o, "start_brk"), hex(o, "start_stack"),
                o.has("stack_rlimit") ? num(o, "stack_rlimit") : -1, vmas(o));
            case "exit" -> new RecordingEvent.Exit(line, t, (int) num(o, "pid"), (int) num(o, "tid"),
                o.has("status") ? (int) num(o, "status") : 0, vmas(o));
            case "sys" -> sys(o, t);
            case "fault" -> new RecordingEvent.Fault(line, t, (int) num(o, "pid"), (int) num(o, "tid"), hex(o, "addr"),
                hex(o, "ip"), (int) hex(o, "error"), o.has("kernel") && o.get("kernel").getAsBoolean());
            case "task_new" -> new RecordingEvent.TaskNew(line, t, (int) num(o, "pid"), (int) num(o, "tid"),
                (int) num(o, "ppid"), (int) num(o, "ptid"), o.has("clone_flags") ? hex(o, "clone_flags") : -1);
            case "task_end" -> new RecordingEvent.TaskEnd(line, t, (int) num(o, "pid"), (int) num(o, "tid"));
            case "end" -> new RecordingEvent.End(line, t, bool(o, "complete"), num(o, "lost"), num(o, "throttled"),
                num(o, "syscalls"), num(o, "faults"), num(o, "wall_ns"), o.has("status") ? (int) num(o, "status") : -1);
            default -> null;
        };
    }

    /**
     * A fault line as the recorder writes it (the bulk of a recording: hundreds of thousands of lines) without a
     * JSON tree; null when the line is not in that exact shape, and the general path reads it.
     */
    private RecordingEvent.Fault fastFault(String text) {
        try {
            long t = Long.parseLong(field(text, "\"t\":", ','));
            int pid = Integer.parseInt(field(text, "\"pid\":", ','));
            int tid = Integer.parseInt(field(text, "\"tid\":", ','));
            long addr = Long.parseUnsignedLong(field(text, "\"addr\":\"", '"'), 16);
            long ip = Long.parseUnsignedLong(field(text, "\"ip\":\"", '"'), 16);
            int error = Integer.parseInt(field(text, "\"error\":\"", '"'), 16);
            boolean kernel = text.contains("\"kernel\":true");
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

    private RecordingEvent.SysCall sys(JsonObject o, long t) throws RecordingException {
        if (!o.has("args") || !o.get("args").isJsonArray()) {
            throw error("a \"sys\" line without \"args\"");
        }
        JsonArray a = o.getAsJsonArray("args");
        long[] args = new long[6];
        for (int i = 0; i < Math.min(6, a.size()); i++) {
            args[i] = parseHex(a.get(i).getAsString(), "args");
        }
        String file = null;
        if (o.has("file") && o.get("file").isJsonObject()) {
            JsonObject f = o.getAsJsonObject("file");
            file = str(f, "dev", "?") + ":" + num(f, "ino");
        }
        boolean returned = o.has("ret");
        return new RecordingEvent.SysCall(line, t, o.has("t_enter") ? num(o, "t_enter") : t, (int) num(o, "pid"),
            (int) num(o, "tid"), str(o, "name", "?"),
            (int) num(o, "nr"), args, returned ? num(o, "ret") : 0, returned, file);
    }

    private List<RecordedVma> vmas(JsonObject o) throws RecordingException {
        if (!o.has("vmas") || !o.get("vmas").isJsonArray()) {
            throw error("no \"vmas\" array");
        }
        List<RecordedVma> out = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("vmas")) {
            if (!e.isJsonObject()) {
                throw error("a VMA that is not an object");
            }
            JsonObject v = e.getAsJsonObject();
            out.add(new RecordedVma(hex(v, "start"), hex(v, "end"), str(v, "perms", "----"), hex(v, "pgoff"),
                str(v, "dev", "00:00"), num(v, "ino"), str(v, "name", ""), str(v, "vmflags", ""),
                v.has("anon_present") ? runs(v.getAsJsonArray("anon_present")) : List.of(),
                v.has("file_present") ? runs(v.getAsJsonArray("file_present")) : List.of()));
        }
        return out;
    }

    private List<long[]> runs(JsonArray a) throws RecordingException {
        List<long[]> out = new ArrayList<>(a.size());
        for (JsonElement e : a) {
            if (!e.isJsonArray() || e.getAsJsonArray().size() != 2) {
                throw error("a page run that is not [first, count]");
            }
            out.add(new long[] { e.getAsJsonArray().get(0).getAsLong(), e.getAsJsonArray().get(1).getAsLong() });
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
        } catch (JsonParseException e) {
            throw error("not JSON (" + e.getMessage() + ")");
        }
    }

    private long num(JsonObject o, String key) throws RecordingException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw error("missing number \"" + key + "\"");
        }
        try {
            return e.getAsLong();
        } catch (NumberFormatException x) {
            throw error("\"" + key + "\" is not a number");
        }
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
        if (e == null || !e.isJsonPrimitive()) {
            throw error("missing hexadecimal string \"" + key + "\"");
        }
        return parseHex(e.getAsString(), key);
    }

    private long parseHex(String s, String key) throws RecordingException {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException x) {
            throw error("\"" + key + "\" is not a hexadecimal number: '" + s + "'");
        }
    }

    private static String str(JsonObject o, String key, String dflt) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? dflt : e.getAsString();
    }

    private RecordingException error(String what) {
        return new RecordingException(source + ":" + line + ": " + what);
    }
}
