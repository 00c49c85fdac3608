package org.mmwb.scenario.internal.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.scenario.Arg;
import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.Choice;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.Expr;
import org.mmwb.scenario.Flag;
import org.mmwb.scenario.FlagSpec;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.internal.ops.BuiltinOps;
import org.mmwb.scenario.internal.profiles.Profiles;

/**
 * Parses scenario lines one at a time, driven by the {@link OperationTable}, and checks what needs the lines
 * before: bindings bound, files declared, {@code kernel} first. Errors go to the diagnostic list; parsing goes on
 * after an error (to the next argument, or the next line) so that one run reports every error.
 */
public final class LineParser {

    private final String file;
    private final OperationTable table;
    private final List<Diagnostic> out;

    private final Set<String> bound = new HashSet<>();
    private final Map<String, Integer> files = new HashMap<>();
    /** Without a kernel line: the default profile as the registry declares it (plugins' mappings included). */
    private KernelProfile profile = Profiles.defaultProfile();
    private int levels = 4;
    /** The kernel line's ram=, in bytes; 0 for the default. */
    private long ram;

    /** Smallest and largest ram= a scenario may give: 1 MiB, and what the frame index holds (8 TiB). */
    static final long MIN_RAM = 1L << 20;
    static final long MAX_RAM = 8L << 40;
    private int firstOpLine;
    private int kernelLine;
    /** The file's top-level operations and loops. */
    private final Block top = new Block();
    /** The open {@code repeat} loops, innermost first. */
    private final Deque<OpenLoop> loops = new ArrayDeque<>();

    /** Most operations one scenario may run, loops expanded: more would run for hours and fill the heap with results. */
    public static final long MAX_OPERATIONS = 10_000_000;

    /** A {@code repeat} line whose '}' has not come yet. */
    private record OpenLoop(String var, long from, long step, long iterations, int line, int column,
            boolean oneLine, Block body, int[] lines) {
    }

    // the line being parsed
    private int lineNo;
    private int[] cps;
    private int pos;
    private boolean lineOk;

    public LineParser(String file, OperationTable table, List<Diagnostic> out) {
        this.file = file;
        this.table = table;
        this.out = out;
    }

    public KernelProfile profile() {
        return profile;
    }

    public int levels() {
        return levels;
    }

    /** The simulated RAM the kernel line asks for, in bytes, or 0 for the default. */
    public long ram() {
        return ram;
    }

    /** The operations the file runs, in order, loops expanded (computed on demand: see {@link Block}). */
    public List<Op> ops() {
        return top.expand();
    }

    /** Checks that need the end of the file: every loop closed, the operation count within bounds. */
    public void finish(int lastLine) {
        while (!loops.isEmpty()) {
            OpenLoop l = loops.pop();
            lineNo = l.line();
            error(l.column(), "repeat $" + l.var() + " is not closed; expected a line '}' before the end of the file"
                    + " (line " + lastLine + ")");
            loopVars.remove(l.var());
        }
        if (top.count() > MAX_OPERATIONS) {
            lineNo = Math.max(1, firstOpLine);
            error(1, "the scenario runs " + top.count() + " operations with its loops expanded; expected at most "
                    + MAX_OPERATIONS);
        }
    }

    private Block current() {
        return loops.isEmpty() ? top : loops.peek().body();
    }

    /** Parses one line of text (without its line end). */
    public void parse(int number, String text) {
        lineNo = number;
        cps = text.codePoints().toArray();
        pos = 0;
        lineOk = true;
        skipWs();
        if (atEnd()) {
            return;
        }
        if (cur() == '}') {
            closeLoop();
            return;
        }
        if (!loops.isEmpty()) {
            loops.peek().lines()[0]++; // a body line, even a broken one: no "empty body" error on top of its own
        }
        if (startsWord("repeat")) {
            openLoop();
            return;
        }
        String binding = null;
        int bindingColumn = 0;
        if (cur() == '$') {
            bindingColumn = col();
            pos++;
            binding = ident();
            if (binding.isEmpty()) {
                error(col(), "expected a binding name after '$' (letters, digits, '_')");
                return;
            }
            if (loopVars.containsKey(binding)) {
                error(bindingColumn, "$" + binding + " is the variable of the repeat loop on line "
                        + loopVars.get(binding) + "; expected another name for the binding");
                return;
            }
            skipWs();
            if (atEnd() || cur() != '=') {
                error(col(), "expected '=' after $" + binding + " (a binding line reads '$" + binding
                        + " = mmap ...')");
                return;
            }
            pos++;
            skipWs();
            if (atEnd()) {
                error(col(), "expected an operation after '$" + binding + " =', e.g. mmap");
                return;
            }
        }
        int opColumn = col();
        String word = token();
        OpSpec spec = table.get(word);
        if (spec == null) {
            String why = table.whyMissing(word); // a plugin contributed it but failed to load: say which and why
            error(opColumn, why != null ? why : "unknown operation '" + word + "'" + suggest(word, table.names())
                    + "; expected one of: " + String.join(", ", table.names()));
            return;
        }
        boolean header = spec.name().equals(OperationTable.KERNEL);
        if (header) {
            if (kernelLine != 0 || firstOpLine != 0) {
                int before = kernelLine != 0 ? kernelLine : firstOpLine;
                error(opColumn, "'kernel' must be the first line of the file; expected it before line " + before);
            }
        } else if (firstOpLine == 0) {
            firstOpLine = number;
        }
        if (binding != null && !spec.bindable()) {
            error(bindingColumn, "'" + spec.name() + "' gives no value to bind to $" + binding
                    + "; expected an operation with a result: " + bindableNames());
        }
        List<Arg> args = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            skipWs();
            if (atEnd()) {
                if (!a.optional()) {
                    error(col(), spec.name() + ": expected " + a.name() + ", " + expected(a)
                            + "; usage: " + spec.usage());
                }
                break;
            }
            if (a.optional() && isFlagAhead(spec)) {
                break;
            }
            Expr e = parseArg(spec, a);
            if (e != null && !atTokenEnd()) {
                error(col(), "unexpected '" + token() + "' after " + a.name() + "; expected a space");
                e = null;
            }
            if (e != null) {
                args.add(new Arg(a, e));
            } else {
                skipToken();
            }
        }
        List<Flag> flags = parseFlags(spec);
        if (binding != null) {
            bound.add(binding); // also after errors: one mistake should not cascade into 'not bound' errors
        }
        if (!lineOk) {
            return;
        }
        Op op = new Op(number, opColumn, spec, binding, bindingColumn, args, flags);
        if (header) {
            applyKernel(op);
        } else {
            afterParse(op);
            if (lineOk) {
                current().add(new Block.OpItem(op, loopy(op)));
            }
        }
    }

    private static boolean loopy(Op op) {
        for (Arg a : op.args()) {
            if (Block.loopy(a.value())) {
                return true;
            }
        }
        for (Flag f : op.flags()) {
            if (Block.loopy(f.value())) {
                return true;
            }
        }
        return false;
    }

    // ---- repeat loops ----

    /** Loop variables in scope, with the line of their {@code repeat}. */
    private final Map<String, Integer> loopVars = new HashMap<>();

    private boolean startsWord(String w) {
        int p = pos;
        String t = ident();
        boolean is = t.equals(w) && atTokenEnd();
        pos = p;
        return is;
    }

    /**
     * {@code repeat $VAR FROM TO [STEP] {}: the lines up to the matching '}' run with $VAR = FROM, FROM+STEP, ...
     * while below TO. With an operation after the '{' and a '}' ending the line, the loop is that one line.
     */
    private void openLoop() {
        int column = col();
        ident(); // repeat
        skipWs();
        String usage = "; usage: repeat $VAR FROM TO [STEP] { ... } (e.g. repeat $i 0 100 { mprotect $a+$i*8K 4K r-- })";
        if (atEnd() || cur() != '$') {
            error(atEnd() ? col() : col(), "repeat: expected a loop variable like $i" + usage);
            return;
        }
        int varColumn = col();
        pos++;
        String var = ident();
        if (var.isEmpty() || !atTokenEnd()) {
            error(varColumn, "repeat: expected a loop variable name after '$' (letters, digits, '_')" + usage);
            return;
        }
        if (loopVars.containsKey(var)) {
            error(varColumn, "repeat: $" + var + " is already the variable of the loop on line " + loopVars.get(var)
                    + "; expected another name");
            return;
        }
        if (bound.contains(var)) {
            error(varColumn, "repeat: $" + var + " is already bound; expected a new name for the loop variable");
            return;
        }
        long[] nums = new long[3];
        int[] cols = new int[3];
        int n = 0;
        while (true) {
            skipWs();
            if (atEnd() || cur() == '{' || n == 3) {
                break;
            }
            cols[n] = col();
            Expr.Num num = number(n == 0 ? "FROM, a number" : n == 1 ? "TO, a number" : "STEP, a number or '{'");
            if (num == null) {
                return;
            }
            if (!atTokenEnd()) {
                error(col(), "repeat: unexpected '" + token() + "'; expected a space" + usage);
                return;
            }
            nums[n++] = num.value();
        }
        if (n < 2) {
            error(col(), "repeat: expected " + (n == 0 ? "FROM and TO" : "TO") + " (the loop must be bounded)" + usage);
            return;
        }
        long from = nums[0];
        long to = nums[1];
        long step = n == 3 ? nums[2] : 1;
        if (step == 0) {
            error(cols[2], "repeat: STEP is 0, the loop would never end; expected a step of 1 or more");
            return;
        }
        if (Long.compareUnsigned(from, to) > 0) {
            error(cols[1], "repeat: TO (" + Long.toUnsignedString(to) + ") is below FROM (" + Long.toUnsignedString(from)
                    + "); expected FROM <= TO");
            return;
        }
        if (atEnd() || cur() != '{') {
            error(col(), "repeat: expected '{' after the bounds" + usage);
            return;
        }
        int brace = pos;
        pos++;
        long iterations = to == from ? 0 : Long.divideUnsigned(to - from - 1, step) + 1;
        if (Long.compareUnsigned(iterations, MAX_OPERATIONS) > 0) {
            error(cols[1], "repeat runs " + Long.toUnsignedString(iterations) + " iterations; expected at most "
                    + MAX_OPERATIONS + " operations in a scenario (that many would run for hours)");
            return;
        }
        skipWs();
        OpenLoop loop = new OpenLoop(var, from, step, iterations, lineNo, column, !atEnd(), new Block(), new int[1]);
        loops.push(loop);
        loopVars.put(var, lineNo);
        if (!loop.oneLine()) {
            return;
        }
        // one-line form: the operation between '{' and the last '}', parsed in place (columns stay right)
        int end = pos;
        while (end < cps.length && cps[end] != '#') {
            end++;
        }
        int close = end - 1;
        while (close > brace && isWs(cps[close])) {
            close--;
        }
        if (cps[close] != '}' || close == brace) {
            error(col(), "repeat: expected '}' at the end of a one-line loop, or nothing after '{' to continue on the"
                    + " next lines");
            loops.pop();
            loopVars.remove(var);
            return;
        }
        int[] body = cps.clone();
        for (int i = 0; i <= brace; i++) {
            body[i] = ' ';
        }
        int number = lineNo;
        parse(number, new String(body, 0, close));
        lineNo = number;
        lineOk = true;
        cps = new int[] {'}'};
        pos = 0;
        closeLoop();
    }

    private void closeLoop() {
        int column = col();
        pos++;
        skipWs();
        if (!atEnd()) {
            error(col(), "unexpected '" + token() + "' after '}'; expected the end of the line");
        }
        if (loops.isEmpty()) {
            error(column, "'}' closes no repeat loop; expected a line 'repeat $VAR FROM TO {' before it");
            return;
        }
        OpenLoop l = loops.pop();
        loopVars.remove(l.var());
        if (l.body().isEmpty()) {
            if (!l.oneLine() && l.lines()[0] == 0) {
                lineNo = l.line();
                error(l.column(), "repeat $" + l.var() + " has no operation in its body; expected at least one line"
                        + " between '{' and '}'");
            }
            return;
        }
        Block.Loop loop = new Block.Loop(l.var(), l.from(), l.step(), l.iterations(), l.body());
        if (Long.compareUnsigned(l.iterations(), 0) > 0
                && Long.compareUnsigned(l.body().count(), Long.divideUnsigned(MAX_OPERATIONS, l.iterations())) > 0) {
            lineNo = l.line();
            error(l.column(), "repeat $" + l.var() + " runs " + l.iterations() + " iterations of " + l.body().count()
                    + " operations; expected at most " + MAX_OPERATIONS + " operations in a scenario");
            return;
        }
        current().add(loop);
    }

    private void applyKernel(Op op) {
        kernelLine = op.line();
        Expr.Word w = (Expr.Word) op.arg("PROFILE");
        profile = Profiles.byName(w.text());
        Flag rm = op.flag("ram");
        if (rm != null) {
            long bytes = ((Expr.Num) rm.value()).value();
            if (Long.compareUnsigned(bytes, MIN_RAM) < 0 || Long.compareUnsigned(bytes, MAX_RAM) > 0) {
                error(rm.value().column(), "ram=" + ((Expr.Num) rm.value()).text() + " is out of range; expected 1M to"
                        + " 8192G");
            } else {
                ram = bytes;
            }
        }
        Flag lv = op.flag("levels");
        if (lv != null) {
            levels = (int) ((Expr.Word) lv.value()).value();
            if (levels > profile.maxLevels()) {
                error(lv.value().column(), "levels=" + levels + " needs " + levels + "-level paging; expected "
                        + "levels=4 with profile " + profile.name() + " (it supports " + profile.maxLevels()
                        + " levels)");
            }
        }
    }

    /** Checks that need the whole line: file declarations, touch size. */
    private void afterParse(Op op) {
        if (op.name().equals("file")) {
            String name = ((Expr.Name) op.arg("NAME")).text();
            Integer prev = files.putIfAbsent(name, op.line());
            if (prev != null) {
                error(op.arg("NAME").column(), "file '" + name + "' is already declared on line " + prev
                        + "; expected a new name");
            }
        }
        if (op.name().equals("touch") && op.arg("LEN") instanceof Expr.Num len) {
            long pages = Long.divideUnsigned(len.value(), 4096) + (len.value() % 4096 != 0 ? 1 : 0);
            if (Long.compareUnsigned(pages, BuiltinOps.MAX_TOUCH_PAGES) > 0) {
                error(len.column(), "touch covers " + Long.toUnsignedString(pages) + " pages; expected at most "
                        + BuiltinOps.MAX_TOUCH_PAGES + " pages (4G) per line");
            }
        }
    }

    // ---- arguments ----

    private Expr parseArg(OpSpec spec, ArgSpec a) {
        int start = col();
        return switch (a.kind()) {
            case ADDRESS -> address(spec, a.name());
            case ADDRESS_OR_RELATIVE -> {
                if (cur() == '+') {
                    pos++;
                    Expr.Num n = number("size after '+'");
                    yield n == null ? null : new Expr.Relative(n.value(), start);
                }
                yield address(spec, a.name());
            }
            case SIZE -> {
                if (cur() == '$') {
                    yield loopSize(a);
                }
                Expr.Num n = number(a.name() + ", " + a.kind().expected());
                yield n;
            }
            case BYTE -> {
                Expr.Num n = number("BYTE, a byte value 0..255");
                if (n != null && Long.compareUnsigned(n.value(), 255) > 0) {
                    error(start, "expected a byte value 0..255 but found " + n.text());
                    yield null;
                }
                yield n;
            }
            case PROT -> prot();
            case WORD -> word(spec, a);
            case PID -> {
                if (cur() == '$') {
                    yield binding();
                }
                Expr.Num n = number("PID, a pid (decimal or $name)");
                if (n != null && (n.value() <= 0 || n.value() > Integer.MAX_VALUE)) {
                    error(start, "expected a pid 1.." + Integer.MAX_VALUE + " but found " + n.text());
                    yield null;
                }
                yield n;
            }
            case NAME -> name(a.name());
            case LIMIT -> limit(a);
        };
    }

    /** A LIMIT argument: {@code unlimited} (RLIM_INFINITY, all ones), {@code +SIZE} or a number. */
    private Expr limit(ArgSpec a) {
        int start = col();
        if (cur() == '+') {
            pos++;
            Expr.Num n = number("size after '+'");
            return n == null ? null : new Expr.Relative(n.value(), start);
        }
        int p = pos;
        if (token().equals("unlimited")) {
            return new Expr.Num(-1L, "unlimited", start);
        }
        pos = p;
        return number(a.name() + ", " + a.kind().expected());
    }

    private Expr address(OpSpec spec, String what) {
        int start = col();
        Expr e;
        int c = cur();
        if (c == '$') {
            e = loopVarAhead() ? loopTerm() : binding();
        } else if (c == '[') {
            e = special();
        } else if (c >= '0' && c <= '9') {
            e = number(what + ", " + ArgKind.ADDRESS.expected()); // stops before '+'/'-'
        } else {
            String t = token();
            error(start, spec.name() + ": expected " + what + ", " + ArgKind.ADDRESS.expected() + ", but found '"
                    + t + "'");
            return null;
        }
        while (e != null && !atEnd() && (cur() == '+' || cur() == '-')) {
            boolean minus = cur() == '-';
            pos++;
            if (!atEnd() && cur() == '$') {
                Expr.LoopVar t = loopTerm();
                if (t == null) {
                    return null;
                }
                e = new Expr.Sum(e, minus, t, start);
                continue;
            }
            Expr.Num size = number("size after '" + (minus ? '-' : '+') + "'");
            if (size == null) {
                return null;
            }
            e = new Expr.Offset(e, minus, size.value(), start);
        }
        if (e != null && !atTokenEnd()) {
            int at = col();
            String rest = token();
            error(at, "unexpected '" + rest + "' after the address; expected +SIZE, -SIZE" + (loops.isEmpty() ? ""
                    : ", +$VAR*SIZE") + " or a space");
            return null;
        }
        if (e == null) {
            skipToken();
        }
        return e;
    }

    /** Whether '$' starts the variable of an enclosing repeat loop. */
    private boolean loopVarAhead() {
        int p = pos;
        pos++;
        String name = ident();
        pos = p;
        return loopVars.containsKey(name);
    }

    /** {@code $i} or {@code $i*SIZE}, $i the variable of an enclosing repeat loop. */
    private Expr.LoopVar loopTerm() {
        int start = col();
        pos++; // '$'
        String name = ident();
        OpenLoop loop = null;
        for (OpenLoop l : loops) {
            if (l.var().equals(name)) {
                loop = l;
            }
        }
        if (loop == null) {
            error(start, "$" + name + " is not a loop variable here; expected the variable of an enclosing repeat"
                    + " (a term like +$i*8K takes a loop variable only)");
            return null;
        }
        long factor = 1;
        if (!atEnd() && cur() == '*') {
            pos++;
            Expr.Num f = number("a size after '*', e.g. $" + name + "*8K");
            if (f == null) {
                return null;
            }
            factor = f.value();
        }
        long max = loop.iterations() == 0 ? loop.from() : loop.from() + (loop.iterations() - 1) * loop.step();
        if (Math.unsignedMultiplyHigh(max, factor) != 0) {
            error(start, "$" + name + (factor == 1 ? "" : "*" + Long.toUnsignedString(factor)) + " leaves the 64-bit"
                    + " range when $" + name + " = " + Long.toUnsignedString(max) + "; expected a smaller factor");
            return null;
        }
        return new Expr.LoopVar(name, factor, start);
    }

    /** A size written with a loop variable: {@code $i*4K}, optionally {@code +SIZE}, {@code -SIZE}. */
    private Expr loopSize(ArgSpec a) {
        int start = col();
        if (!loopVarAhead()) {
            String t = token();
            error(start, "expected " + a.name() + ", " + a.kind().expected() + ", or a loop variable term like $i*4K,"
                    + " but found '" + t + "'");
            return null;
        }
        Expr e = loopTerm();
        while (e != null && !atEnd() && (cur() == '+' || cur() == '-')) {
            boolean minus = cur() == '-';
            pos++;
            Expr.Num size = number("size after '" + (minus ? '-' : '+') + "'");
            e = size == null ? null : new Expr.Offset(e, minus, size.value(), start);
        }
        return e;
    }

    private Expr binding() {
        int start = col();
        pos++; // '$'
        String name = ident();
        if (name.isEmpty()) {
            error(start, "expected a binding name after '$' (letters, digits, '_')");
            skipToken();
            return null;
        }
        if (!bound.contains(name)) {
            error(start, "$" + name + " is not bound; expected a binding made on an earlier line, e.g. '$" + name
                    + " = mmap 0 4K rw-'");
            return null;
        }
        return new Expr.Bound(name, start);
    }

    private Expr special() {
        int start = col();
        int p = pos;
        while (p < cps.length && cps[p] != ']' && !isWs(cps[p]) && cps[p] != '#') {
            p++;
        }
        if (p >= cps.length || cps[p] != ']') {
            String t = token();
            error(start, "expected ']' to close '" + t + "'; a special mapping is written like [vdso]");
            return null;
        }
        String name = new String(cps, pos, p + 1 - pos);
        pos = p + 1;
        List<String> names = profile.mappingNames();
        if (!names.contains(name)) {
            KernelProfile other = null;
            for (KernelProfile k : Profiles.known()) {
                if (k.mappingNames().contains(name)) {
                    other = k;
                }
            }
            error(start, (other != null ? "special mapping " + name + " does not exist in profile "
                    + profile.name() : "unknown special mapping '" + name + "'" + suggest(name, names))
                    + "; expected one of: " + String.join(", ", names));
            return null;
        }
        return new Expr.Special(name, start);
    }

    /** Reads an alphanumeric run as a number; reports and returns null when it is none. */
    private Expr.Num number(String what) {
        int start = col();
        int p = pos;
        while (p < cps.length && Character.isLetterOrDigit(cps[p]) && cps[p] < 0x80) {
            p++;
        }
        String t = new String(cps, pos, p - pos);
        if (t.isEmpty() || cps[pos] < '0' || cps[pos] > '9') {
            String found = token();
            error(start, "expected " + what + " but found " + (found.isEmpty() ? "end of line" : "'" + found + "'"));
            return null;
        }
        pos = p;
        Numbers.Parsed n = Numbers.parse(t);
        if (!n.ok()) {
            error(start, n.error());
            return null;
        }
        return new Expr.Num(n.value(), t, start);
    }

    private Expr prot() {
        int start = col();
        String t = token();
        int bits = 0;
        boolean good = !t.isEmpty() && t.length() <= 3;
        for (int i = 0; good && i < t.length(); i++) {
            int bit = switch (t.charAt(i)) {
                case 'r' -> 1;
                case 'w' -> 2;
                case 'x' -> 4;
                case '-' -> 0;
                default -> -1;
            };
            if (bit < 0 || (bits & bit) != 0) {
                good = false;
            }
            bits |= Math.max(bit, 0);
        }
        if (!good) {
            error(start, "expected PROT as rwx letters or '-' (rw-, r-x, ---) but found '" + t + "'");
            return null;
        }
        return new Expr.Word(t, bits, start);
    }

    private Expr word(OpSpec spec, ArgSpec a) {
        int start = col();
        String t = token();
        Choice c = a.choice(t);
        if (c == null) {
            List<String> words = a.choices().stream().map(Choice::word).toList();
            String what = spec.name().equals(OperationTable.KERNEL) ? "kernel profile" : a.name().toLowerCase();
            error(start, "unknown " + what + " '" + t + "'" + suggest(t, words) + "; expected one of: "
                    + String.join(", ", words));
            return null;
        }
        return new Expr.Word(t, c.value(), start);
    }

    private Expr name(String what) {
        int start = col();
        String t = nameChars();
        if (t.isEmpty() || !atTokenEnd()) {
            String found = t + token();
            error(start, "expected " + what + ", " + ArgKind.NAME.expected() + ", but found '" + found + "'");
            return null;
        }
        return new Expr.Name(t, start);
    }

    // ---- flags ----

    private List<Flag> parseFlags(OpSpec spec) {
        List<Flag> flags = new ArrayList<>();
        while (true) {
            skipWs();
            if (atEnd()) {
                return flags;
            }
            int start = col();
            if (!looksLikeWord()) {
                String t = token();
                error(start, spec.name() + ": too many arguments, unexpected '" + t + "'; usage: " + spec.usage());
                continue;
            }
            int p = pos;
            String name = ident();
            FlagSpec f = spec.flag(name);
            if (f == null || (!atTokenEnd() && cur() != '=')) {
                pos = p;
                String t = token();
                if (spec.flags().isEmpty()) {
                    error(start, spec.name() + ": too many arguments, unexpected '" + t + "'; usage: "
                            + spec.usage());
                } else {
                    List<String> names = spec.flags().stream().map(FlagSpec::name).toList();
                    error(start, "unknown flag '" + t + "' for " + spec.name() + suggest(name, names)
                            + "; expected one of: " + String.join(", ",
                                    spec.flags().stream().map(FlagSpec::usage).toList()));
                }
                continue;
            }
            Expr value = null;
            boolean hasValue = !atEnd() && cur() == '=';
            if (f.value() == FlagSpec.Value.NONE) {
                if (hasValue) {
                    error(col(), "flag '" + name + "' takes no value; expected a space after it");
                    skipToken();
                    continue;
                }
            } else {
                if (!hasValue) {
                    error(start, "flag '" + name + "' needs a value; expected " + f.usage());
                    continue;
                }
                pos++;
                value = flagValue(spec, f);
                if (value == null) {
                    skipToken();
                    continue;
                }
            }
            for (Flag g : flags) {
                if (g.name().equals(name)) {
                    error(start, "flag '" + name + "' given twice (first at column " + g.column()
                            + "); expected each flag once");
                } else if (f.conflicts().contains(g.name())) {
                    error(start, "flag '" + name + "' conflicts with '" + g.name() + "' (column " + g.column()
                            + "); expected only one of them");
                }
            }
            flags.add(new Flag(f, start, value));
        }
    }

    private Expr flagValue(OpSpec spec, FlagSpec f) {
        int start = col();
        switch (f.value()) {
            case ADDRESS:
                if (atEnd() || isWs(cur())) {
                    error(start, "flag '" + f.name() + "' needs a value; expected " + f.usage());
                    return null;
                }
                return address(spec, f.name().toUpperCase() + " value");
            case FILE_REF: {
                String n = nameChars();
                if (n.isEmpty()) {
                    error(start, "expected a file name after '" + f.name() + "=' (" + f.usage() + ")");
                    return null;
                }
                long offset = 0;
                if (!atEnd() && cur() == ':') {
                    pos++;
                    Expr.Num num = number("OFFSET, a size in bytes");
                    if (num == null) {
                        return null;
                    }
                    offset = num.value();
                }
                if (!atTokenEnd()) {
                    error(col(), "unexpected '" + token() + "' after " + f.name() + "=" + n + "; expected "
                            + f.usage());
                    return null;
                }
                if (!files.containsKey(n)) {
                    error(start, "unknown file '" + n + "'; expected a file declared on an earlier line, e.g. 'file "
                            + n + " 16K'");
                    return null;
                }
                return new Expr.FileRef(n, offset, start);
            }
            case SIZE: {
                Expr.Num n = number("a size after '" + f.name() + "=' (" + f.usage() + ")");
                return n != null && !atTokenEnd() ? null : n;
            }
            case CHOICE: {
                String t = token();
                for (Choice c : f.choices()) {
                    if (c.word().equals(t)) {
                        return new Expr.Word(t, c.value(), start);
                    }
                }
                error(start, "unknown value '" + t + "' for " + f.name() + "; expected " + f.usage());
                return null;
            }
            default:
                return null;
        }
    }

    // ---- characters ----

    private int cur() {
        return cps[pos];
    }

    private int col() {
        return pos + 1;
    }

    private static boolean isWs(int c) {
        return c == ' ' || c == '\t';
    }

    /** End of the line's content: its end or a comment. */
    private boolean atEnd() {
        return pos >= cps.length || cps[pos] == '#';
    }

    private boolean atTokenEnd() {
        return atEnd() || isWs(cps[pos]);
    }

    private void skipWs() {
        while (pos < cps.length && isWs(cps[pos])) {
            pos++;
        }
    }

    /** Reads up to the next space or comment. */
    private String token() {
        int p = pos;
        while (!atTokenEnd()) {
            pos++;
        }
        return new String(cps, p, pos - p);
    }

    private void skipToken() {
        token();
    }

    private String ident() {
        int p = pos;
        while (pos < cps.length && (Character.isLetterOrDigit(cps[pos]) || cps[pos] == '_') && cps[pos] < 0x80) {
            pos++;
        }
        return new String(cps, p, pos - p);
    }

    private String nameChars() {
        int p = pos;
        while (pos < cps.length && cps[pos] < 0x80
                && (Character.isLetterOrDigit(cps[pos]) || cps[pos] == '_' || cps[pos] == '.' || cps[pos] == '-')) {
            pos++;
        }
        return new String(cps, p, pos - p);
    }

    /** Whether the next token names one of the operation's flags (so an optional argument was left out). */
    private boolean isFlagAhead(OpSpec spec) {
        int p = pos;
        String name = ident();
        boolean flag = spec.flag(name) != null && (atTokenEnd() || cur() == '=');
        pos = p;
        return flag;
    }

    private boolean looksLikeWord() {
        int c = cur();
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private void error(int column, String message) {
        lineOk = false;
        out.add(new Diagnostic(file, lineNo, column, message));
    }

    private String expected(ArgSpec a) {
        if (a.kind() == ArgKind.WORD) {
            return "one of: " + String.join(", ", a.choices().stream().map(Choice::word).toList());
        }
        return a.kind().expected();
    }

    private String bindableNames() {
        return String.join(", ", table.specs().stream().filter(OpSpec::bindable).map(OpSpec::name).toList());
    }

    /** " (did you mean 'x'?)" for a close candidate, else "". */
    static String suggest(String word, List<String> candidates) {
        String best = null;
        int bestDist = 3;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        return best == null || word.isEmpty() ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] curr = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            curr[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                curr[j] = Math.min(sub, Math.min(prev[j] + 1, curr[j - 1] + 1));
            }
            int[] t = prev;
            prev = curr;
            curr = t;
        }
        return prev[b.length()];
    }

}
