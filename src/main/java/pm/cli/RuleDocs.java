package pm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import pm.lint.RuleMeta;

/** {@code pm lint --list-rules} and {@code --explain RULE}: the rules' metadata ({@link RuleMeta}) for people. */
final class RuleDocs {
    private RuleDocs() {
    }

    /** One line per rule: id, default severity, tags and summary, in aligned columns. */
    static void list(List<RuleMeta> rules, PrintWriter out) {
        int idWidth = 0;
        int tagWidth = 0;
        for (RuleMeta m : rules) {
            idWidth = Math.max(idWidth, m.id().length());
            tagWidth = Math.max(tagWidth, String.join(",", m.tags()).length());
        }
        for (RuleMeta m : rules) {
            out.println(pad(m.id(), idWidth) + "  " + pad(m.severity().id(), "warning".length()) + "  "
                    + pad(String.join(",", m.tags()), tagWidth) + "  " + m.summary());
        }
        out.flush();
    }

    /** What a rule checks, why, a bad and a good example, how to configure or silence it, and where it is documented. */
    static void explain(RuleMeta m, PrintWriter out) {
        out.println(m.id() + " (default: " + m.severity().id() + "; tags: " + String.join(", ", m.tags()) + ")");
        out.println();
        out.println("  " + m.summary());
        out.println();
        out.println("Why: " + m.why());
        out.println();
        out.println("Bad:");
        out.println("  " + m.bad());
        out.println("Good:");
        out.println("  " + m.good());
        out.println();
        out.println("Configure it in .pm.yml (error, warning, info or off):");
        out.println("  lint:");
        out.println("    rules:");
        out.println("      " + m.id() + ": " + (m.severity().id().equals("error") ? "warning" : "error")
                + "    # or off; the default is " + m.severity().id());
        out.println("Silence one place, on the line before it:");
        out.println("  <!-- pm-disable-next-line " + m.id() + " -->");
        out.println("or a whole file: <!-- pm-disable-file " + m.id() + " -->");
        out.println();
        out.println("Docs: " + m.docUrl());
        out.flush();
    }

    /** The rule with this id (case and surrounding blanks ignored), or null. */
    static RuleMeta find(List<RuleMeta> rules, String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (RuleMeta m : rules) {
            if (m.id().equals(wanted)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The ids closest to what was typed, closest first (at most three): those that contain it or that it contains,
     * then the fewest edits away.
     */
    static List<String> closest(List<RuleMeta> rules, String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        List<RuleMeta> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt((RuleMeta m) -> distance(t, m.id())));
        List<String> out = new ArrayList<>();
        boolean contained = !sorted.isEmpty() && distance(t, sorted.get(0).id()) == 0;
        for (RuleMeta m : sorted) {
            if (out.size() == 3 || contained && distance(t, m.id()) > 0) {
                break; // "action" names the action-item rules, not those a few edits from it
            }
            out.add(m.id());
        }
        return out;
    }

    /** 0 when one contains the other (non-empty), else the edit distance. */
    static int distance(String typed, String id) {
        if (!typed.isEmpty() && (id.contains(typed) || typed.contains(id))) {
            return 0;
        }
        int[] prev = new int[id.length() + 1];
        int[] cur = new int[id.length() + 1];
        for (int j = 0; j <= id.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= typed.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= id.length(); j++) {
                int cost = typed.charAt(i - 1) == id.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[id.length()];
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
