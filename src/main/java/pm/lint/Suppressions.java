package pm.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.model.HtmlComment;
import pm.model.Postmortem;
import pm.model.Span;

/**
 * The markdownlint-style switches written as HTML comments in a postmortem:
 * {@code <!-- pm-disable [rule-id…] -->}, {@code <!-- pm-enable [rule-id…] -->},
 * {@code <!-- pm-disable-next-line [rule-id…] -->} and {@code <!-- pm-disable-file [rule-id…] -->};
 * without ids they apply to every rule, except the rules that only a comment naming them silences
 * ({@link Rule#silencedOnlyByName}).
 */
public final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "pm-(disable-next-line|disable-file|disable|enable)(?:\\s+([\\s\\S]*))?");
    private static final Pattern IDS = Pattern.compile("[\\s,]+");

    private enum Kind { DISABLE, ENABLE, NEXT_LINE, FILE }

    /** @param rules the ids as written, in order; empty for every rule */
    private record Directive(Kind kind, Set<String> rules, Span span) {
        boolean covers(String rule, Set<String> namedOnly) {
            return rules.isEmpty() ? !namedOnly.contains(rule) : rules.contains(rule);
        }

        boolean before(Finding f) {
            return span.line() < f.line() || span.line() == f.line() && span.column() < f.column();
        }
    }

    private static final Suppressions NONE = new Suppressions(List.of(), Set.of());

    private final List<Directive> directives;
    private final Set<String> namedOnly;

    private Suppressions(List<Directive> directives, Set<String> namedOnly) {
        this.directives = directives;
        this.namedOnly = namedOnly;
    }

    /** The switches of a file, for rules that every switch covers. */
    static Suppressions of(Postmortem pm) {
        return of(pm, Set.of());
    }

    /** @param namedOnly the rules a switch without ids leaves on: only a switch naming them covers them */
    static Suppressions of(Postmortem pm, Set<String> namedOnly) {
        return of(pm, namedOnly, java.util.Map.of());
    }

    /** @param aliases old rule ids and the ids they now stand for: a switch naming an old id covers the rule */
    static Suppressions of(Postmortem pm, Set<String> namedOnly, java.util.Map<String, String> aliases) {
        List<Directive> out = directives(pm);
        if (out != null && !aliases.isEmpty()) {
            for (int i = 0; i < out.size(); i++) {
                Directive d = out.get(i);
                if (d.rules().stream().anyMatch(aliases::containsKey)) {
                    Set<String> ids = new LinkedHashSet<>();
                    for (String r : d.rules()) {
                        ids.add(aliases.getOrDefault(r, r));
                    }
                    out.set(i, new Directive(d.kind(), ids, d.span()));
                }
            }
        }
        return out == null ? NONE : new Suppressions(out, namedOnly);
    }

    /** The file's switches in file order, or {@code null} when it has none. */
    private static List<Directive> directives(Postmortem pm) {
        List<Directive> out = null;
        for (HtmlComment c : pm.comments()) {
            if (!c.text().startsWith("pm-")) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            Kind kind = switch (m.group(1)) {
                case "disable" -> Kind.DISABLE;
                case "enable" -> Kind.ENABLE;
                case "disable-next-line" -> Kind.NEXT_LINE;
                default -> Kind.FILE;
            };
            String ids = m.group(2) == null ? "" : m.group(2).strip();
            Set<String> rules = ids.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(IDS.split(ids)));
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new Directive(kind, rules, c.span()));
        }
        if (out != null) {
            out.sort(Comparator.comparingInt((Directive d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        }
        return out;
    }

    /**
     * A switch that keeps rules off for the whole file, or from where it stands to the end of it.
     *
     * @param directive {@code pm-disable-file}, or {@code pm-disable} when no {@code pm-enable} after it switches its
     *                  rules back on
     * @param rules     the rules it keeps off, as written; empty for every rule
     * @param except    for a switch of every rule, the rules a later {@code pm-enable} named (switched on again)
     * @param span      the comment
     */
    public record FileWide(String directive, List<String> rules, List<String> except, Span span) {
        public FileWide {
            rules = List.copyOf(rules);
            except = List.copyOf(except);
        }

        /** Whether it keeps every rule off (but {@link #except}). */
        public boolean everyRule() {
            return rules.isEmpty();
        }
    }

    /**
     * The switches that keep rules off to the end of the file, in file order: every {@code pm-disable-file}, and each
     * {@code pm-disable} with the rules of it that no later {@code pm-enable} switches back on.
     */
    public static List<FileWide> fileWide(Postmortem pm) {
        List<Directive> all = directives(pm);
        if (all == null) {
            return List.of();
        }
        List<FileWide> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Directive d = all.get(i);
            if (d.kind == Kind.FILE) {
                out.add(new FileWide("pm-disable-file", List.copyOf(d.rules), List.of(), d.span));
            } else if (d.kind == Kind.DISABLE) {
                Set<String> still = new LinkedHashSet<>(d.rules); // for a switch of every rule: those enabled again
                Set<String> enabled = new LinkedHashSet<>();
                boolean closed = false;
                for (int j = i + 1; j < all.size() && !closed; j++) {
                    Directive e = all.get(j);
                    if (e.kind == Kind.ENABLE) {
                        closed = e.rules.isEmpty();
                        still.removeAll(e.rules);
                        enabled.addAll(e.rules);
                        closed |= !d.rules.isEmpty() && still.isEmpty();
                    }
                }
                if (!closed) {
                    out.add(new FileWide("pm-disable", List.copyOf(still),
                            d.rules.isEmpty() ? List.copyOf(enabled) : List.of(), d.span));
                }
            }
        }
        return out;
    }

    boolean suppresses(Finding f) {
        boolean off = false;
        for (Directive d : directives) {
            switch (d.kind) {
                case FILE -> {
                    if (d.covers(f.rule(), namedOnly)) {
                        return true;
                    }
                }
                case NEXT_LINE -> {
                    if (d.span.endLine() + 1 == f.line() && d.covers(f.rule(), namedOnly)) {
                        return true;
                    }
                }
                case DISABLE -> {
                    if (d.before(f) && d.covers(f.rule(), namedOnly)) {
                        off = true;
                    }
                }
                case ENABLE -> { // switching every rule back on includes those only a name switches off
                    if (d.before(f) && (d.rules.isEmpty() || d.rules.contains(f.rule()))) {
                        off = false;
                    }
                }
            }
        }
        return off;
    }
}
