package pm.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.model.HtmlComment;
import pm.model.Postmortem;

/**
 * The markdownlint-style switches written as HTML comments in a postmortem:
 * {@code <!-- pm-disable [rule-id…] -->}, {@code <!-- pm-enable [rule-id…] -->},
 * {@code <!-- pm-disable-next-line [rule-id…] -->} and {@code <!-- pm-disable-file [rule-id…] -->};
 * without ids they apply to every rule.
 */
final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "pm-(disable-next-line|disable-file|disable|enable)(?:\\s+([\\s\\S]*))?");
    private static final Pattern IDS = Pattern.compile("[\\s,]+");

    private enum Kind { DISABLE, ENABLE, NEXT_LINE, FILE }

    private record Directive(Kind kind, Set<String> rules, int line, int column, int endLine) {
        boolean covers(String rule) {
            return rules.isEmpty() || rules.contains(rule);
        }

        boolean before(Finding f) {
            return line < f.line() || line == f.line() && column < f.column();
        }
    }

    private static final Suppressions NONE = new Suppressions(List.of());

    private final List<Directive> directives;

    private Suppressions(List<Directive> directives) {
        this.directives = directives;
    }

    static Suppressions of(Postmortem pm) {
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
            Set<String> rules = ids.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(IDS.split(ids)));
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new Directive(kind, rules, c.span().line(), c.span().column(), c.span().endLine()));
        }
        if (out == null) {
            return NONE;
        }
        out.sort(Comparator.comparingInt(Directive::line).thenComparingInt(Directive::column));
        return new Suppressions(out);
    }

    boolean suppresses(Finding f) {
        boolean off = false;
        for (Directive d : directives) {
            switch (d.kind) {
                case FILE -> {
                    if (d.covers(f.rule())) {
                        return true;
                    }
                }
                case NEXT_LINE -> {
                    if (d.endLine + 1 == f.line() && d.covers(f.rule())) {
                        return true;
                    }
                }
                case DISABLE -> {
                    if (d.before(f) && d.covers(f.rule())) {
                        off = true;
                    }
                }
                case ENABLE -> {
                    if (d.before(f) && d.covers(f.rule())) {
                        off = false;
                    }
                }
            }
        }
        return off;
    }
}
