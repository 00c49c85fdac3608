package org.mmwb.scenario;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.internal.run.RunLengthList;

/**
 * The JSON form of a {@link RunReport}, exactly the shape of docs/scenarios.md, "JSON output" (field names, result strings, page
 * letters), plus added fields: {@code file} and {@code levels} at the top, {@code sym} on results, VMAs and faults
 * where an address is symbolic, {@code fault_capture} at the top (which faults the list holds) and {@code kernel}
 * on a fault taken in kernel mode. {@link #read(Reader)} reads it back, ignoring unknown fields, so recorded
 * live-kernel runs can be stored and compared later.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** The report as pretty-printed JSON (two-space indent). */
    public static String toJson(RunReport r) {
        StringWriter w = new StringWriter();
        try {
            write(r, w);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /**
     * Writes the report as JSON, streamed: one result, one VMA and one fault per line, each written as it is read
     * (a fault list backed by the engine's log is never materialized). Written by hand rather than with Gson's
     * JsonWriter, which costs several times more per value: a run of a million faults is a few hundred MB of JSON.
     */
    public static void write(RunReport r, Writer out) throws IOException {
        out.write("{\n  \"profile\": ");
        str(out, r.profile());
        out.write(",\n  \"levels\": ");
        out.write(Integer.toString(r.levels()));
        out.write(",\n  \"file\": ");
        str(out, r.file());
        out.write(",\n  \"results\": [");
        boolean first = true;
        for (OpRecord o : r.results()) {
            out.write(first ? "\n    {\"line\": " : ",\n    {\"line\": ");
            first = false;
            out.write(Integer.toString(o.line()));
            out.write(", \"pid\": ");
            out.write(Integer.toString(o.pid()));
            out.write(", \"op\": ");
            str(out, o.op());
            out.write(", \"result\": ");
            if (o.perPage()) {
                out.write('[');
                List<OpResult> rs = o.results();
                for (int i = 0; i < rs.size(); i++) {
                    if (i > 0) {
                        out.write(", ");
                    }
                    str(out, rs.get(i).text());
                }
                out.write(']');
            } else {
                str(out, o.result() == null ? null : o.result().text());
            }
            if (o.sym() != null) {
                out.write(", \"sym\": ");
                str(out, o.sym());
            }
            out.write('}');
        }
        out.write(first ? "],\n  \"dumps\": [" : "\n  ],\n  \"dumps\": [");
        first = true;
        for (DumpRecord d : r.dumps()) {
            out.write(first ? "\n    {\"line\": " : ",\n    {\"line\": ");
            first = false;
            out.write(d.line() == null ? "null" : Integer.toString(d.line()));
            out.write(", \"pid\": ");
            out.write(Integer.toString(d.pid()));
            out.write(", \"vmas\": [");
            boolean firstVma = true;
            for (VmaSnapshot v : d.vmas()) {
                out.write(firstVma ? "\n      {\"start\": \"" : ",\n      {\"start\": \"");
                firstVma = false;
                out.write(hex(v.start()));
                out.write("\", \"end\": \"");
                out.write(hex(v.end()));
                out.write("\", \"perms\": ");
                str(out, v.perms());
                out.write(", \"pgoff\": ");
                out.write(Long.toString(v.pgoff()));
                out.write(", \"name\": ");
                str(out, v.name());
                out.write(", \"flags\": [");
                for (int i = 0; i < v.flags().size(); i++) {
                    if (i > 0) {
                        out.write(", ");
                    }
                    str(out, v.flags().get(i));
                }
                out.write("], \"pages\": ");
                str(out, v.pages());
                if (v.sym() != null) {
                    out.write(", \"sym\": ");
                    str(out, v.sym());
                }
                out.write('}');
            }
            out.write(firstVma ? "]}" : "\n    ]}");
        }
        RunReport.FaultCapture fc = r.faultCapture();
        out.write(first ? "],\n  \"fault_capture\": {\"captured\": " : "\n  ],\n  \"fault_capture\": {\"captured\": ");
        out.write(Boolean.toString(fc.captured()));
        out.write(", \"scope\": ");
        str(out, fc.scope());
        if (fc.note() != null) {
            out.write(", \"note\": ");
            str(out, fc.note());
        }
        out.write("},\n  \"faults\": [");
        first = true;
        for (FaultRecord f : r.faults()) {
            out.write(first ? "\n    {\"seq\": " : ",\n    {\"seq\": ");
            first = false;
            out.write(Long.toString(f.seq()));
            out.write(", \"pid\": ");
            out.write(Integer.toString(f.pid()));
            out.write(", \"address\": \"");
            out.write(hex(f.address()));
            out.write("\", \"access\": ");
            str(out, f.access());
            out.write(", \"vma\": ");
            str(out, f.vma());
            out.write(", \"handler\": ");
            str(out, f.handler());
            out.write(", \"pgoff\": ");
            out.write(Long.toString(f.pgoff()));
            out.write(", \"result\": ");
            str(out, f.resultName());
            out.write(", \"pfn\": ");
            if (f.pfn() < 0) {
                out.write("null");
            } else {
                out.write('"');
                out.write(hex(f.pfn()));
                out.write('"');
            }
            if (f.sym() != null) {
                out.write(", \"sym\": ");
                str(out, f.sym());
            }
            if (f.reason() != null) {
                out.write(", \"reason\": ");
                str(out, f.reason());
            }
            if (!f.user()) {
                out.write(", \"kernel\": true"); // GUP on the task's behalf, as in a recording's fault line
            }
            out.write('}');
        }
        out.write(first ? "]\n}" : "\n  ]\n}");
        out.flush();
    }

    /** A JSON string (RFC 8259 escapes: quote, backslash, control characters), or null. */
    private static void str(Writer out, String s) throws IOException {
        if (s == null) {
            out.write("null");
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.write(s, from, i - from);
                switch (c) {
                    case '"' -> out.write("\\\"");
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\t' -> out.write("\\t");
                    case '\r' -> out.write("\\r");
                    default -> out.write(String.format("\\u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    public static RunReport read(String json) throws ReportFormatException {
        return read(new StringReader(json));
    }

    /**
     * Reads a report written by {@link #write} (or by another tool following docs/scenarios.md), streamed: a session
     * of a million faults is read record by record, never as a JSON tree (which would need gigabytes). Unknown
     * fields are skipped; a missing, mistyped or impossible field (a VMA ending below its start, a pid beyond 32
     * bits) is an error naming its place, e.g. {@code results[3].line}, with the line and column where the reader
     * stopped ({@link ReportFormatException#at}). Text that is cut short, not JSON, not UTF-8 or too large for the
     * Java heap is an error too, never an exception of another kind.
     */
    public static RunReport read(Reader in) throws ReportFormatException {
        JsonReader r = new JsonReader(in);
        try {
            return new StreamedReport(r).report();
        } catch (ReportFormatException e) {
            throw located(r, e.getMessage());
        } catch (EOFException e) {
            String at = path(r);
            throw located(r, "not valid JSON: the text ends early" + (at.isEmpty() ? "" : ", inside " + at)
                    + " (a truncated file?)");
        } catch (MalformedJsonException e) {
            throw located(r, "not valid JSON: " + gsonWhat(e.getMessage()));
        } catch (CharacterCodingException e) {
            throw located(r, "not UTF-8 text (binary data?)");
        } catch (IOException e) {
            throw new ReportFormatException("cannot read: " + e.getMessage());
        } catch (IllegalStateException | NumberFormatException e) {
            throw located(r, "malformed report: " + gsonWhat(String.valueOf(e.getMessage())));
        } catch (OutOfMemoryError e) {
            // the report under construction is garbage once this is thrown: the heap is free again
            throw new ReportFormatException("too large for this JVM's Java heap (" + (Runtime.getRuntime().maxMemory()
                    >> 20) + " MiB): give the JVM more with MMWB_JAVA_OPTS=-Xmx8g");
        }
    }

    /** The problem at the reader's position ("line 3 column 5" of the JSON text). */
    private static ReportFormatException located(JsonReader r, String message) {
        Matcher m = LOCATION.matcher(r.toString());
        return m.find() ? new ReportFormatException(message, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : new ReportFormatException(message);
    }

    private static final Pattern LOCATION = Pattern.compile(
            " at line (\\d+) column (\\d+) path (\\S*)");

    /** Where in the document the reader is, as the error messages name places: {@code results[3].line}. */
    private static String path(JsonReader r) {
        String p = r.getPath().replaceFirst("^\\$\\.?", "");
        return shorten(p.endsWith(".") ? p.substring(0, p.length() - 1) : p);
    }

    /** Gson's message without its position (given apart) and its advice to programmers. */
    private static String gsonWhat(String message) {
        String m = message;
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int at = m.indexOf(" at line ");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        if (m.startsWith("Use JsonReader.")) {
            return "a syntax error";
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** The reader of one report: each method reads one value of the shape docs/scenarios.md gives. */
    private record StreamedReport(JsonReader r) {

        RunReport report() throws IOException, ReportFormatException {
            expect(JsonToken.BEGIN_OBJECT, "report", "an object");
            String profile = null;
            int levels = 4;
            String file = "";
            List<OpRecord> results = null;
            List<DumpRecord> dumps = null;
            List<FaultRecord> faults = new ArrayList<>();
            RunReport.FaultCapture capture = null;
            boolean recordedOn = false;
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                switch (name) {
                    case "profile" -> profile = string("report.profile");
                    case "levels" -> levels = nullable() ? 4 : levels();
                    case "file" -> file = nullable() ? "" : string("report.file");
                    case "results" -> results = results();
                    case "dumps" -> dumps = dumps();
                    case "faults" -> faults = faults();
                    case "fault_capture" -> capture = nullable() ? null : faultCapture();
                    case "recorded_on" -> {
                        recordedOn = true;
                        r.skipValue();
                    }
                    default -> r.skipValue();
                }
            }
            r.endObject();
            if (profile == null && results == null && dumps == null) {
                throw new ReportFormatException("not an mmwb report: a JSON object without \"profile\", \"results\" "
                        + "and \"dumps\" (a report is what ./mmwb run --json writes)");
            }
            if (capture == null) {
                // written before fault_capture existed: a simulator run has all its faults, a recorded kernel run none
                capture = recordedOn ? RunReport.FaultCapture.notCaptured("recorded before mmwb captured the kernel's "
                        + "faults; record it again") : RunReport.FaultCapture.SIMULATOR;
            }
            if (profile == null) {
                throw new ReportFormatException("report.profile: missing (a string naming the kernel profile)");
            }
            if (results == null) {
                throw new ReportFormatException("report.results: missing (an array)");
            }
            if (dumps == null) {
                throw new ReportFormatException("report.dumps: missing (an array)");
            }
            if (!atEnd()) {
                throw new ReportFormatException("not valid JSON: more after the report object");
            }
            return new RunReport(file, profile, levels, results, dumps, faults, capture);
        }

        private RunReport.FaultCapture faultCapture() throws IOException, ReportFormatException {
            expect(JsonToken.BEGIN_OBJECT, "report.fault_capture", "an object");
            Boolean captured = null;
            String scope = RunReport.FaultCapture.ALL;
            String note = null;
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "captured" -> {
                        expect(JsonToken.BOOLEAN, "report.fault_capture.captured", "true or false");
                        captured = r.nextBoolean();
                    }
                    case "scope" -> scope = string("report.fault_capture.scope");
                    case "note" -> note = nullable() ? null : string("report.fault_capture.note");
                    default -> r.skipValue();
                }
            }
            r.endObject();
            if (!scope.equals(RunReport.FaultCapture.ALL) && !scope.equals(RunReport.FaultCapture.USER)) {
                throw new ReportFormatException("report.fault_capture.scope: expected \"all\" or \"user\", but found '"
                        + scope + "'");
            }
            return new RunReport.FaultCapture(required(captured, "report.fault_capture.captured", "true or false"),
                    scope, note);
        }

        private List<OpRecord> results() throws IOException, ReportFormatException {
            List<OpRecord> out = new ArrayList<>();
            expect(JsonToken.BEGIN_ARRAY, "report.results", "an array");
            r.beginArray();
            for (int i = 0; r.hasNext(); i++) {
                String at = "results[" + i + "]";
                expect(JsonToken.BEGIN_OBJECT, at, "an object");
                Integer line = null;
                Integer pid = null;
                String op = null;
                String sym = null;
                List<OpResult> list = null;
                boolean perPage = false;
                r.beginObject();
                while (r.hasNext()) {
                    switch (r.nextName()) {
                        case "line" -> line = lineNumber(at + ".line");
                        case "pid" -> pid = pid(at + ".pid");
                        case "op" -> op = string(at + ".op");
                        case "sym" -> sym = nullable() ? null : string(at + ".sym");
                        case "result" -> {
                            perPage = r.peek() == JsonToken.BEGIN_ARRAY;
                            if (perPage) {
                                RunLengthList<OpResult> rs = new RunLengthList<>();
                                r.beginArray();
                                for (int k = 0; r.hasNext(); k++) {
                                    rs.append(result(string(at + ".result[" + k + "]"), at + ".result[" + k + "]"));
                                }
                                r.endArray();
                                list = rs;
                            } else {
                                list = List.of(result(string(at + ".result"), at + ".result"));
                            }
                        }
                        default -> r.skipValue();
                    }
                }
                r.endObject();
                out.add(new OpRecord(required(line, at + ".line", "a number"),
                        required(pid, at + ".pid", "a number"), required(op, at + ".op", "a string"),
                        required(list, at + ".result", "a string"), perPage, sym));
            }
            r.endArray();
            return out;
        }

        private List<DumpRecord> dumps() throws IOException, ReportFormatException {
            List<DumpRecord> out = new ArrayList<>();
            expect(JsonToken.BEGIN_ARRAY, "report.dumps", "an array");
            r.beginArray();
            for (int i = 0; r.hasNext(); i++) {
                String at = "dumps[" + i + "]";
                expect(JsonToken.BEGIN_OBJECT, at, "an object");
                Integer line = null;
                Integer pid = null;
                List<VmaSnapshot> vmas = null;
                r.beginObject();
                while (r.hasNext()) {
                    switch (r.nextName()) {
                        case "line" -> line = nullable() ? null : lineNumber(at + ".line");
                        case "pid" -> pid = pid(at + ".pid");
                        case "vmas" -> vmas = vmas(at);
                        default -> r.skipValue();
                    }
                }
                r.endObject();
                out.add(new DumpRecord(line, required(pid, at + ".pid", "a number"),
                        required(vmas, at + ".vmas", "an array")));
            }
            r.endArray();
            return out;
        }

        private List<VmaSnapshot> vmas(String dumpAt) throws IOException, ReportFormatException {
            List<VmaSnapshot> out = new ArrayList<>();
            expect(JsonToken.BEGIN_ARRAY, dumpAt + ".vmas", "an array");
            r.beginArray();
            for (int k = 0; r.hasNext(); k++) {
                String at = dumpAt + ".vmas[" + k + "]";
                expect(JsonToken.BEGIN_OBJECT, at, "an object");
                Long start = null;
                Long end = null;
                Long pgoff = null;
                String perms = null;
                String name = null;
                String pages = null;
                String sym = null;
                List<String> flags = null;
                r.beginObject();
                while (r.hasNext()) {
                    switch (r.nextName()) {
                        case "start" -> start = hex(at + ".start");
                        case "end" -> end = hex(at + ".end");
                        case "perms" -> perms = string(at + ".perms");
                        case "pgoff" -> pgoff = nonNegative(at + ".pgoff");
                        case "name" -> name = string(at + ".name");
                        case "pages" -> pages = string(at + ".pages");
                        case "sym" -> sym = nullable() ? null : string(at + ".sym");
                        case "flags" -> {
                            expect(JsonToken.BEGIN_ARRAY, at + ".flags", "an array");
                            flags = new ArrayList<>();
                            r.beginArray();
                            for (int j = 0; r.hasNext(); j++) {
                                flags.add(string(at + ".flags[" + j + "]").intern());
                            }
                            r.endArray();
                        }
                        default -> r.skipValue();
                    }
                }
                r.endObject();
                VmaSnapshot v = new VmaSnapshot(required(start, at + ".start", "a 0x-hex string"),
                        required(end, at + ".end", "a 0x-hex string"), required(perms, at + ".perms", "a string"),
                        required(pgoff, at + ".pgoff", "a number"), required(name, at + ".name", "a string"),
                        required(flags, at + ".flags", "an array"), required(pages, at + ".pages", "a string"))
                        .withSym(sym);
                checkVma(v, at, out.isEmpty() ? null : out.get(out.size() - 1));
                out.add(v);
            }
            r.endArray();
            return out;
        }

        private List<FaultRecord> faults() throws IOException, ReportFormatException {
            List<FaultRecord> out = new ArrayList<>();
            expect(JsonToken.BEGIN_ARRAY, "report.faults", "an array");
            r.beginArray();
            for (int i = 0; r.hasNext(); i++) {
                String at = "faults[" + i + "]";
                expect(JsonToken.BEGIN_OBJECT, at, "an object");
                Long seq = null;
                Integer pid = null;
                Long address = null;
                Long pgoff = null;
                long pfn = -1;
                String access = null;
                String vma = null;
                String handler = null;
                String result = null;
                String sym = null;
                String reason = null;
                boolean kernel = false;
                r.beginObject();
                while (r.hasNext()) {
                    switch (r.nextName()) {
                        case "seq" -> seq = nonNegative(at + ".seq");
                        case "pid" -> pid = pid(at + ".pid");
                        case "address" -> address = hex(at + ".address");
                        case "access" -> access = string(at + ".access").intern();
                        case "vma" -> vma = string(at + ".vma").intern();
                        case "handler" -> handler = string(at + ".handler").intern();
                        case "pgoff" -> pgoff = nonNegative(at + ".pgoff");
                        case "result" -> result = string(at + ".result").intern();
                        case "pfn" -> pfn = nullable() ? -1 : hex(at + ".pfn");
                        case "sym" -> sym = nullable() ? null : string(at + ".sym");
                        case "reason" -> reason = nullable() ? null : string(at + ".reason");
                        case "kernel" -> {
                            expect(JsonToken.BOOLEAN, at + ".kernel", "true or false");
                            kernel = r.nextBoolean();
                        }
                        default -> r.skipValue();
                    }
                }
                r.endObject();
                int bits = VmFaultResult.parse(required(result, at + ".result", "a string"));
                if (bits < 0) {
                    throw new ReportFormatException(at + ".result: expected VM_FAULT_* names such as NOPAGE or"
                            + " SIGBUS|MAJOR, but found '" + result + "'");
                }
                out.add(new FaultRecord(required(seq, at + ".seq", "a number"),
                        required(pid, at + ".pid", "a number"),
                        required(address, at + ".address", "a 0x-hex string"),
                        required(access, at + ".access", "a string"), required(vma, at + ".vma", "a string"),
                        required(handler, at + ".handler", "a string"), required(pgoff, at + ".pgoff", "a number"),
                        bits, pfn, reason).withSym(sym).withUser(!kernel));
            }
            r.endArray();
            return out;
        }

        /** Whether only white space follows (a second value is a syntax error to the strict reader). */
        private boolean atEnd() throws IOException {
            try {
                return r.peek() == JsonToken.END_DOCUMENT;
            } catch (MalformedJsonException e) {
                return false;
            }
        }

        /** Page-table levels: 4 or 5. */
        private int levels() throws IOException, ReportFormatException {
            long n = number("report.levels");
            if (n != 4 && n != 5) {
                throw new ReportFormatException("report.levels: expected 4 or 5 (page-table levels) but found " + n);
            }
            return (int) n;
        }

        /** A scenario line number: 1 or more, 32 bits. */
        private int lineNumber(String at) throws IOException, ReportFormatException {
            return int32(at, 1, "a line number");
        }

        /** A process id: pid_t, 0 or more. */
        private int pid(String at) throws IOException, ReportFormatException {
            return int32(at, 0, "a process id");
        }

        private int int32(String at, int min, String what) throws IOException, ReportFormatException {
            long n = number(at);
            if (n < min || n > Integer.MAX_VALUE) {
                throw new ReportFormatException(at + ": expected " + what + " (" + min + " to " + Integer.MAX_VALUE
                        + ") but found " + n);
            }
            return (int) n;
        }

        private long nonNegative(String at) throws IOException, ReportFormatException {
            long n = number(at);
            if (n < 0) {
                throw new ReportFormatException(at + ": expected a number of 0 or more but found " + n);
            }
            return n;
        }

        /**
         * A VMA as the kernel can have it: page-aligned, not empty, maps-style permissions, at most one page letter
         * per page, above the previous VMA of its dump (VMAs are listed in address order and never overlap).
         */
        private static void checkVma(VmaSnapshot v, String at, VmaSnapshot previous) throws ReportFormatException {
            if (((v.start() | v.end()) & 0xfff) != 0) {
                throw new ReportFormatException(at + ": " + ReportJson.hex(v.start()) + "-" + ReportJson.hex(v.end())
                        + " is not page-aligned");
            }
            if (Long.compareUnsigned(v.end(), v.start()) <= 0) {
                throw new ReportFormatException(at + ": end " + ReportJson.hex(v.end()) + " is not above start "
                        + ReportJson.hex(v.start()));
            }
            if (!PERMS.matcher(v.perms()).matches()) {
                throw new ReportFormatException(at + ".perms: expected 4 letters like \"rw-p\" but found '"
                        + shorten(v.perms()) + "'");
            }
            long pages = (v.end() - v.start()) >>> 12;
            if (v.pages().length() > pages) {
                throw new ReportFormatException(at + ".pages: " + v.pages().length() + " page letters for a VMA of "
                        + pages + " pages");
            }
            if (previous != null && Long.compareUnsigned(v.start(), previous.end()) < 0) {
                throw new ReportFormatException(at + ": starts at " + ReportJson.hex(v.start()) + ", below the end of the VMA "
                        + "before it (" + ReportJson.hex(previous.end()) + "): VMAs overlap or are out of order");
            }
        }

        private static <T> T required(T value, String at, String what) throws ReportFormatException {
            if (value == null) {
                throw new ReportFormatException(at + ": expected " + what);
            }
            return value;
        }

        private void expect(JsonToken token, String at, String what) throws IOException, ReportFormatException {
            if (r.peek() != token) {
                throw new ReportFormatException(at + ": expected " + what);
            }
        }

        /** Consumes a null and says so; leaves anything else. */
        private boolean nullable() throws IOException {
            if (r.peek() == JsonToken.NULL) {
                r.nextNull();
                return true;
            }
            return false;
        }

        private String string(String at) throws IOException, ReportFormatException {
            expect(JsonToken.STRING, at, "a string");
            return r.nextString();
        }

        private long number(String at) throws IOException, ReportFormatException {
            expect(JsonToken.NUMBER, at, "a number");
            try {
                return r.nextLong();
            } catch (NumberFormatException e) {
                throw new ReportFormatException(at + ": expected a whole number that fits 64 bits");
            }
        }

        private long hex(String at) throws IOException, ReportFormatException {
            String s = string(at);
            if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
                throw new ReportFormatException(at + ": expected a 0x-hex string but found '" + shorten(s) + "'");
            }
            try {
                return Long.parseUnsignedLong(s.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new ReportFormatException(at + ": expected a 0x-hex string but found '" + shorten(s) + "'");
            }
        }
    }

    private static final Pattern PERMS = Pattern.compile("[r-][w-][x-][ps]");

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static OpResult result(String t, String at) throws ReportFormatException {
        OpResult r = OpResult.parse(t);
        if (r == null) {
            throw new ReportFormatException(at + ": expected a result (0x.., ok, an errno or SIGxxx(CODE)) but found '"
                    + shorten(t) + "'");
        }
        return r;
    }
}
