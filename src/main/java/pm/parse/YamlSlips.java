package pm.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.yaml.YamlException;
import pm.yaml.YamlReader;

/**
 * The YAML slips people make in front matter, each found on its line with the fix that settles it: an unquoted
 * {@code @handle} ({@code owner: @lee}), a tab in the indentation, no space after a key's colon
 * ({@code date:2025-03-14}) and a date without its zeros ({@code due: 2025-4-9}). The first three make the YAML
 * unreadable, so the reader's own message ("found character '@' that cannot start any token") is replaced by
 * one naming the fix; {@code pm lint --fix} applies them. A fix changes only its own line and never the number of
 * lines, so every other line keeps its number and its bytes.
 */
public final class YamlSlips {
    /**
     * Front matter longer than this is not searched for slips: a slip is a typing mistake in a few fields, and each
     * width a tab may stand for is tried by reading the whole front matter again.
     */
    static final int MAX_CHARS = 64 * 1024;

    /** A key (possibly after a list dash) and what follows its colon. */
    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z_][A-Za-z0-9_-]*):(.*)$");
    private static final Pattern LIST_ENTRY = Pattern.compile("^(\\s*-\\s+)([@`].*)$");
    private static final Pattern SHORT_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** The keys whose values are days, where a date without its zeros is a slip. */
    private static final java.util.Set<String> DATE_KEYS = java.util.Set.of("date", "due", "first_due", "closed");
    private static final Pattern BLOCK_SCALAR = Pattern.compile(".*:\\s*[|>][0-9+-]*\\s*(?:#.*)?$");

    private YamlSlips() {
    }

    /**
     * One slip.
     *
     * @param line      the file's line number
     * @param column    where on the line the slip is (1-based)
     * @param message   what is wrong and the fix, for a tired reader: {@code quote it: owner: "@lee"}
     * @param fixedLine the line as the fix writes it (without its line break)
     */
    public record Slip(int line, int column, String message, String fixedLine, boolean dateOnly) {
    }

    /**
     * The slips in front-matter YAML.
     *
     * @param lines     the YAML's lines, without line breaks
     * @param firstLine the file's line number of {@code lines.get(0)}
     */
    public static List<Slip> find(List<String> lines, int firstLine) {
        long chars = 0;
        for (String l : lines) {
            chars += l.length() + 1;
        }
        if (chars > MAX_CHARS) {
            return List.of(); // nobody typed that by hand: the reader's own message stands, and the cost stays small
        }
        // a tab stands for some number of spaces: the step the other lines use, else the first width that reads
        String unit = indentUnit(lines);
        List<Slip> first = scan(lines, firstLine, unit);
        if (first.stream().noneMatch(s -> s.message().contains(TAB)) || error(applied(lines, firstLine, first),
                firstLine) == null) {
            return first;
        }
        for (int width : new int[] {2, 4, 8, 3, 1}) {
            if (width != unit.length()) {
                List<Slip> slips = scan(lines, firstLine, " ".repeat(width));
                if (error(applied(lines, firstLine, slips), firstLine) == null) {
                    return slips;
                }
            }
        }
        return first;
    }

    private static final String TAB = "a tab in the indentation";

    private static List<Slip> scan(List<String> lines, int firstLine, String unit) {
        List<Slip> slips = new ArrayList<>();
        int blockIndent = -1; // the indentation of the key whose block scalar (| or >) the next lines may be
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = leading(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    continue; // text of a block scalar: anything goes there
                }
                blockIndent = -1;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String fixed = line;
            boolean dates = false;
            List<String> what = new ArrayList<>();
            int column = 0;
            if (line.substring(0, indent).indexOf('\t') >= 0) {
                fixed = line.substring(0, indent).replace("\t", unit) + line.substring(indent);
                what.add(TAB + ": YAML indents with spaces only; replace it with spaces");
                column = line.indexOf('\t') + 1;
            }
            Matcher kv = KEY_VALUE.matcher(fixed);
            Matcher entry = LIST_ENTRY.matcher(fixed);
            if (kv.matches()) {
                String key = kv.group(2);
                String rest = kv.group(3);
                if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0)) && !rest.startsWith("//")) {
                    String spaced = kv.group(1) + key + ": " + rest;
                    what.add("no space after '" + key + ":': YAML needs one; write " + (kv.group(1).strip() + " "
                            + key + ": " + rest).strip());
                    column = column > 0 ? column : line.indexOf(key + ":") + key.length() + 2;
                    fixed = spaced;
                    kv = KEY_VALUE.matcher(fixed);
                    kv.matches();
                    rest = kv.group(3);
                }
                if (rest.isBlank() || isBlockStart(rest)) {
                    if (isBlockStart(rest)) {
                        blockIndent = leading(fixed);
                    }
                } else {
                    String value = rest.strip();
                    String head = kv.group(1) + key + ":" + rest.substring(0, rest.indexOf(value));
                    String quoted = quoteAt(value);
                    if (quoted != null) {
                        fixed = head + quoted;
                        what.add("'" + value.charAt(0) + "' cannot start an unquoted YAML value: quote it: "
                                + (key + ": " + quoted));
                        column = column > 0 ? column : line.indexOf(value) + 1;
                    } else if (value.startsWith("[") && value.endsWith("]") && value.contains("@")) {
                        String flow = quoteFlow(value);
                        if (!flow.equals(value)) {
                            fixed = head + flow;
                            what.add("'@' cannot start an unquoted YAML value: quote each handle: " + key + ": " + flow);
                            column = column > 0 ? column : line.indexOf(value) + 1;
                        }
                    } else {
                        String date = DATE_KEYS.contains(key) ? paddedDate(value) : null;
                        if (date != null) {
                            int end = dateLength(value);
                            fixed = head + date + value.substring(end);
                            what.add("'" + value.substring(0, end) + "' is not a date; write it as " + date);
                            dates = true;
                            column = column > 0 ? column : line.indexOf(value) + 1;
                        }
                    }
                }
            } else if (entry.matches()) {
                String value = entry.group(2).strip();
                String quoted = quoteAt(value);
                if (quoted != null) {
                    fixed = entry.group(1) + quoted;
                    what.add("'" + value.charAt(0) + "' cannot start an unquoted YAML value: quote it: - " + quoted);
                    column = column > 0 ? column : line.indexOf(value) + 1;
                }
            }
            if (!what.isEmpty()) {
                slips.add(new Slip(firstLine + i, Math.max(column, 1), String.join("; ", what), fixed,
                        dates && what.size() == 1));
            }
        }
        return slips;
    }

    /**
     * The YAML with the slips fixed, when that reads as YAML; {@code null} when there is nothing to fix or the
     * fixed text still does not read (then nothing is changed: a fix must not be a guess).
     */
    public static String fixed(List<String> lines, int firstLine, List<Slip> slips) {
        if (slips.isEmpty()) {
            return null;
        }
        String yaml = applied(lines, firstLine, slips);
        return error(yaml, firstLine) == null ? yaml : null;
    }

    /** What the YAML reader still finds wrong once the slips are fixed, or {@code null}. */
    public static YamlException stillWrong(List<String> lines, int firstLine, List<Slip> slips) {
        return error(applied(lines, firstLine, slips), firstLine);
    }

    private static String applied(List<String> lines, int firstLine, List<Slip> slips) {
        List<String> out = new ArrayList<>(lines);
        for (Slip s : slips) {
            out.set(s.line() - firstLine, s.fixedLine());
        }
        return String.join("\n", out) + "\n";
    }

    private static YamlException error(String yaml, int firstLine) {
        try {
            new YamlReader(firstLine - 1).read(yaml);
            return null;
        } catch (YamlException e) {
            return e;
        }
    }

    private static boolean isBlockStart(String rest) {
        return BLOCK_SCALAR.matcher("k:" + rest).matches();
    }

    /** {@code "@lee"} for {@code @lee} (a trailing {@code # comment} kept outside the quotes), else null. */
    private static String quoteAt(String value) {
        if (value.isEmpty() || (value.charAt(0) != '@' && value.charAt(0) != '`')) {
            return null;
        }
        int hash = value.indexOf(" #");
        String body = hash >= 0 ? value.substring(0, hash).stripTrailing() : value;
        String comment = hash >= 0 ? value.substring(body.length()) : "";
        return "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + comment;
    }

    /** {@code ["@sam", "@lee"]} for {@code [@sam, @lee]}: only the plain elements that start with '@' change. */
    private static String quoteFlow(String value) {
        String inner = value.substring(1, value.length() - 1);
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{' || c == ']' || c == '}') {
                return value; // nested collections: not a list of handles
            } else if (c == ',') {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            String s = p.strip();
            if (s.startsWith("@")) {
                int at = p.indexOf(s);
                p = p.substring(0, at) + "\"" + s + "\"" + p.substring(at + s.length());
            }
            sb.append(p).append(i < parts.size() - 1 ? "," : "");
        }
        return sb.append(']').toString();
    }

    /** The length of a leading Y-M-D date, or 0. */
    private static int dateLength(String value) {
        Matcher m = SHORT_DATE.matcher(value);
        return m.lookingAt() ? m.end() : 0;
    }

    /**
     * {@code 2025-04-09} for {@code 2025-4-9} (alone or before a comment), when it is a real day and a zero is
     * missing; else null.
     */
    private static String paddedDate(String value) {
        Matcher m = SHORT_DATE.matcher(value);
        if (!m.lookingAt() || m.end() == 10 && m.group(2).length() == 2 && m.group(3).length() == 2) {
            return null;
        }
        String after = value.substring(m.end());
        if (!after.isEmpty() && !after.stripLeading().startsWith("#")) {
            return null; // a date-time or something else: not this slip
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int leading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The indentation step the other lines use (the smallest indentation of space-indented lines), else two spaces. */
    private static String indentUnit(List<String> lines) {
        int unit = Integer.MAX_VALUE;
        for (String l : lines) {
            int n = 0;
            while (n < l.length() && l.charAt(n) == ' ') {
                n++;
            }
            if (n > 0 && n < l.length() && l.charAt(n) != '\t') {
                unit = Math.min(unit, n);
            }
        }
        return " ".repeat(unit == Integer.MAX_VALUE || unit > 8 ? 2 : unit);
    }
}
