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
import com.google.gson.stream.JsonWriter;

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

    public static void write(RunReport r, Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("  ");
        w.setSerializeNulls(true);
        w.beginObject();
        w.name("profile").value(r.profile());
        w.name("levels").value(r.levels());
        w.name("file").value(r.file());
        w.name("results").beginArray();
        for (OpRecord o : r.results()) {
            w.beginObject();
            w.name("line").value(o.line());
            w.name("pid").value(o.pid());
            w.name("op").value(o.op());
            w.name("result");
            if (o.perPage()) {
                w.beginArray();
                for (OpResult x : o.results()) {
                    w.value(x.text());
                }
                w.endArray();
            } else {
                w.value(o.result() == null ? null : o.result().text());
            }
            if (o.sym() != null) {
                w.name("sym").value(o.sym());
            }
            w.endObject();
        }
        w.endArray();
        w.name("dumps").beginArray();
        for (DumpRecord d : r.dumps()) {
            w.beginObject();
            w.name("line");
            if (d.line() == null) {
                w.nullValue();
            } else {
                w.value(d.line());
            }
            w.name("pid").value(d.pid());
            w.name("vmas").beginArray();
            for (VmaSnapshot v : d.vmas()) {
                w.beginObject();
                w.name("start").value(hex(v.start()));
                w.name("end").value(hex(v.end()));
                w.name("perms").value(v.perms());
                w.name("pgoff").value(v.pgoff());
                w.name("name").value(v.name());
                w.name("flags").beginArray();
                for (String f : v.flags()) {
                    w.value(f);
                }
                w.endArray();
                w.name("pages").value(v.pages());
                if (v.sym() != null) {
                    w.name("sym").value(v.sym());
                }
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("faults").beginArray();
        for (FaultRecord f : r.faults()) {
            w.beginObject();
            w.name("seq").value(f.seq());
            w.name("pid").value(f.pid());
            w.name("address").value(hex(f.address()));
            w.name("access").value(f.access());
            w.name("vma").value(f.vma());
            w.name("handler").value(f.handler());
            w.name("pgoff").value(f.pgoff());
            w.name("result").value(f.result());
            w.name("pfn");
            if (f.pfn() < 0) {
                w.nullValue();
            } else {
                w.value(hex(f.pfn()));
            }
            if (f.sym() != null) {
                w.name("sym").value(f.sym());
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
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
                        optStr(f, "sym", at)));
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
