package org.mmwb.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The JSON form of a {@link RunReport}, exactly the shape of DESIGN section 4 (field names, result strings, page
 * letters), plus added fields: {@code file} and {@code levels} at the top, {@code sym} on results, VMAs and faults
 * where an address is symbolic. {@link #read(Reader)} reads it back, ignoring unknown fields, so recorded
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
        out.write(first ? "],\n  \"faults\": [" : "\n  ],\n  \"faults\": [");
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
            str(out, f.result());
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

    /** Reads a report written by {@link #write} (or by another tool following DESIGN section 4). */
    public static RunReport read(Reader in) throws ReportFormatException {
        JsonElement root;
        try {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new ReportFormatException("not valid JSON: " + e.getMessage());
        }
        try {
            JsonObject o = obj(root, "report");
            String profile = str(o, "profile", "report");
            int levels = o.has("levels") && !o.get("levels").isJsonNull() ? (int) num(o, "levels", "report") : 4;
            String file = o.has("file") && !o.get("file").isJsonNull() ? str(o, "file", "report") : "";
            List<OpRecord> results = new ArrayList<>();
            JsonArray ra = arr(o, "results", "report");
            for (int i = 0; i < ra.size(); i++) {
                String at = "results[" + i + "]";
                JsonObject e = obj(ra.get(i), at);
                JsonElement res = e.get("result");
                List<OpResult> list = new ArrayList<>();
                boolean perPage = res != null && res.isJsonArray();
                if (perPage) {
                    JsonArray a = res.getAsJsonArray();
                    for (int k = 0; k < a.size(); k++) {
                        list.add(result(a.get(k), at + ".result[" + k + "]"));
                    }
                } else {
                    list.add(result(res, at + ".result"));
                }
                results.add(new OpRecord((int) num(e, "line", at), (int) num(e, "pid", at), str(e, "op", at), list,
                        perPage, optStr(e, "sym", at)));
            }
            List<DumpRecord> dumps = new ArrayList<>();
            JsonArray da = arr(o, "dumps", "report");
            for (int i = 0; i < da.size(); i++) {
                String at = "dumps[" + i + "]";
                JsonObject d = obj(da.get(i), at);
                JsonElement line = d.get("line");
                Integer ln = line == null || line.isJsonNull() ? null : (int) num(d, "line", at);
                List<VmaSnapshot> vmas = new ArrayList<>();
                JsonArray va = arr(d, "vmas", at);
                for (int k = 0; k < va.size(); k++) {
                    String vat = at + ".vmas[" + k + "]";
                    JsonObject v = obj(va.get(k), vat);
                    List<String> flags = new ArrayList<>();
                    JsonArray fa = arr(v, "flags", vat);
                    for (int j = 0; j < fa.size(); j++) {
                        flags.add(string(fa.get(j), vat + ".flags[" + j + "]"));
                    }
                    vmas.add(new VmaSnapshot(hexNum(v, "start", vat), hexNum(v, "end", vat), str(v, "perms", vat),
                            num(v, "pgoff", vat), str(v, "name", vat), flags, str(v, "pages", vat),
                            optStr(v, "sym", vat)));
                }
                dumps.add(new DumpRecord(ln, (int) num(d, "pid", at), vmas));
            }
            List<FaultRecord> faults = new ArrayList<>();
            JsonArray fa = o.has("faults") ? arr(o, "faults", "report") : new JsonArray();
            for (int i = 0; i < fa.size(); i++) {
                String at = "faults[" + i + "]";
                JsonObject f = obj(fa.get(i), at);
                JsonElement pfn = f.get("pfn");
                faults.add(new FaultRecord(num(f, "seq", at), (int) num(f, "pid", at), hexNum(f, "address", at),
                        str(f, "access", at), str(f, "vma", at), str(f, "handler", at), num(f, "pgoff", at),
                        str(f, "result", at), pfn == null || pfn.isJsonNull() ? -1 : hexNum(f, "pfn", at),
                        optStr(f, "sym", at), optStr(f, "reason", at)));
            }
            return new RunReport(file, profile, levels, results, dumps, faults);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new ReportFormatException("malformed report: " + e.getMessage());
        }
    }

    private static OpResult result(JsonElement e, String at) throws ReportFormatException {
        String t = string(e, at);
        OpResult r = OpResult.parse(t);
        if (r == null) {
            throw new ReportFormatException(at + ": expected a result (0x.., ok, an errno or SIGxxx(CODE)) but found '"
                    + t + "'");
        }
        return r;
    }

    private static JsonObject obj(JsonElement e, String at) throws ReportFormatException {
        if (e == null || !e.isJsonObject()) {
            throw new ReportFormatException(at + ": expected an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray arr(JsonObject o, String name, String at) throws ReportFormatException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) {
            throw new ReportFormatException(at + "." + name + ": expected an array");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonElement e, String at) throws ReportFormatException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ReportFormatException(at + ": expected a string");
        }
        return e.getAsString();
    }

    private static String str(JsonObject o, String name, String at) throws ReportFormatException {
        return string(o.get(name), at + "." + name);
    }

    private static String optStr(JsonObject o, String name, String at) throws ReportFormatException {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : string(e, at + "." + name);
    }

    private static long num(JsonObject o, String name, String at) throws ReportFormatException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new ReportFormatException(at + "." + name + ": expected a number");
        }
        return e.getAsLong();
    }

    private static long hexNum(JsonObject o, String name, String at) throws ReportFormatException {
        String s = str(o, name, at);
        if (!s.startsWith("0x") || s.length() < 3) {
            throw new ReportFormatException(at + "." + name + ": expected a 0x-hex string but found '" + s + "'");
        }
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new ReportFormatException(at + "." + name + ": expected a 0x-hex string but found '" + s + "'");
        }
    }
}
