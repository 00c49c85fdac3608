package org.mmwb.ui.internal.editor;

import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.mmwb.scenario.OperationTable;

/**
 * Syntax colouring of the scenario language (docs/scenarios.md): comments, operation keywords, flags and word
 * arguments (advice, access letters, sysctl names), kernel profiles, protections (rw-), numbers with K/M/G,
 * $bindings and [special] mapping names. The words come from the installed operation table, so a plugin's
 * operation (iomap) is coloured like a built-in one. Comments are single-line, so one scanner over the default
 * partition does it all; no document partitioner is needed.
 */
public final class MmsScanner extends RuleBasedScanner {

    /** Creates the scanner with the .mms rules, for the words of {@code table}. */
    public MmsScanner(OperationTable table) {
        IToken comment = new Token(MmsColors.COMMENT);
        IToken op = new Token(MmsColors.OPERATION);
        IToken flag = new Token(MmsColors.FLAG);
        IToken profile = new Token(MmsColors.PROFILE);
        IToken prot = new Token(MmsColors.PROT);
        IToken number = new Token(MmsColors.NUMBER);
        IToken binding = new Token(MmsColors.BINDING);
        IToken special = new Token(MmsColors.SPECIAL);

        MmsWords vocabulary = MmsWords.of(table);
        WordRule words = new WordRule(new Words(), Token.UNDEFINED);
        // "file" is both an operation and a flag (file=NAME): the operation colour wins; flags come first
        for (String f : vocabulary.flags()) {
            words.addWord(f, flag);
        }
        for (String o : vocabulary.operations()) {
            words.addWord(o, op);
        }
        for (String p : vocabulary.profiles()) {
            words.addWord(p, profile);
        }
        setRules(new IRule[] {
            new EndOfLineRule("#", comment),
            new WhitespaceRule(Character::isWhitespace),
            new ProtRule(prot),
            new NumberRule(number),
            new BindingRule(binding),
            new SingleLineRule("[", "]", special, (char) 0, true),
            words,
        });
    }

    /** Words: letters, digits, '_', and '.' '-' inside (so "x86_64-6.18" is one word). */
    private static final class Words implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }
    }

    static boolean isWordChar(int c) {
        return c != ICharacterScanner.EOF && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** Undo {@code n} reads. */
    static void unread(ICharacterScanner s, int n) {
        for (int i = 0; i < n; i++) {
            s.unread();
        }
    }

    /** A protection: exactly three characters [r-][w-][x-], not inside a word. */
    private static final class ProtRule implements IRule {
        private final IToken token;

        ProtRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner s) {
            String want = "rwx";
            for (int i = 0; i < 3; i++) {
                int c = s.read();
                if (c != want.charAt(i) && c != '-') {
                    unread(s, i + 1);
                    return Token.UNDEFINED;
                }
            }
            int c = s.read();
            s.unread();
            if (isWordChar(c) || c == '-') {
                unread(s, 3);
                return Token.UNDEFINED;
            }
            return token;
        }
    }

    /** 123, 0x1f000, 8K, 2M, 1G (decimal or hex, optional K/M/G suffix). */
    private static final class NumberRule implements IRule {
        private final IToken token;

        NumberRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner s) {
            int c = s.read();
            if (c == ICharacterScanner.EOF || !Character.isDigit(c)) {
                s.unread();
                return Token.UNDEFINED;
            }
            int n = 1;
            boolean hex = false;
            if (c == '0') {
                int x = s.read();
                n++;
                if (x == 'x' || x == 'X') {
                    hex = true;
                } else {
                    s.unread();
                    n--;
                }
            }
            while (true) {
                c = s.read();
                n++;
                if (c != ICharacterScanner.EOF && (Character.isDigit(c) || hex && "abcdefABCDEF_".indexOf(c) >= 0
                        || !hex && c == '_')) {
                    continue;
                }
                break;
            }
            if (c == 'K' || c == 'M' || c == 'G') {
                c = s.read();
                n++;
            }
            s.unread();
            n--;
            if (isWordChar(c)) {
                unread(s, n);
                return Token.UNDEFINED;
            }
            return token;
        }
    }

    /** $name. */
    private static final class BindingRule implements IRule {
        private final IToken token;

        BindingRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner s) {
            int c = s.read();
            if (c != '$') {
                s.unread();
                return Token.UNDEFINED;
            }
            int n = 0;
            while (isWordChar(c = s.read())) {
                n++;
            }
            s.unread();
            if (n == 0) {
                s.unread();
                return Token.UNDEFINED;
            }
            return token;
        }
    }
}
