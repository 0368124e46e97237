package pm.stats;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonGenerator;
import pm.report.Visible;

/**
 * What changed since a day or a commit ({@code pm overdue --since}): the action items finished (done or wont-do)
 * since then, with the commit and who made it, and the items whose due date moved, from → to and how many times.
 * From the same history {@code pm stats} reads; an item is followed by its {@code id:}, else its title.
 */
public record Since(String label, Instant from, List<Finished> finished, List<Moved> moved) {
    /** An item finished since then: the last commit that made it what it is now. */
    public record Finished(String file, int line, String title, String status, LocalDate day, String commit,
            String author) {
    }

    /** An item whose due date moved since then: the first from, the last to, and how many moves. */
    public record Moved(String file, int line, String title, LocalDate from, LocalDate to, int times, String commit) {
    }

    public Since {
        finished = List.copyOf(finished);
        moved = List.copyOf(moved);
    }

    /**
     * @param name how a file is named in output, from its path in the repository
     */
    public static Since of(History history, Instant from, String label, Function<String, String> name) {
        List<Finished> finished = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        for (Map.Entry<String, History.PathHistory> e : history.paths().entrySet()) {
            History.PathHistory ph = e.getValue();
            if (ph.last == null) {
                continue; // deleted since
            }
            String file = name.apply(e.getKey());
            for (Incident.Item item : ph.last.items().values()) {
                History.Finish f = ph.finish(item.key());
                if (item.finished() && f != null && f.status().equals(item.status()) && !f.mark().time().isBefore(from)) {
                    finished.add(new Finished(file, item.line(), item.title(), item.status(), f.mark().day(),
                            f.mark().commit(), f.mark().author()));
                }
            }
            Map<String, List<History.Move>> moves = new LinkedHashMap<>();
            for (History.Move m : ph.moves()) {
                if (!m.mark().time().isBefore(from)) {
                    moves.computeIfAbsent(m.itemKey(), k -> new ArrayList<>()).add(m);
                }
            }
            for (List<History.Move> ms : moves.values()) {
                History.Move first = ms.get(0);
                History.Move last = ms.get(ms.size() - 1);
                Incident.Item now = ph.last.items().get(last.itemKey());
                moved.add(new Moved(file, now == null ? 0 : now.line(), last.title(), first.from(), last.to(),
                        ms.size(), last.mark().commit()));
            }
        }
        finished.sort(Comparator.comparing(Finished::day).thenComparing(Finished::file)
                .thenComparingInt(Finished::line));
        moved.sort(Comparator.comparing(Moved::file).thenComparingInt(Moved::line));
        return new Since(label, from, finished, moved);
    }

    /** The two sections as text (a table, or Markdown), after the overdue report. */
    public void writeText(PrintWriter out, boolean md) {
        out.println();
        String head = "Finished since " + Visible.of(label) + " (" + finished.size() + ")";
        out.println(md ? "## " + head : head);
        if (md && !finished.isEmpty()) {
            out.println();
            out.println("| Finished | Status | Item | File | By | Commit |");
            out.println("|---|---|---|---|---|---|");
        }
        for (Finished f : finished) {
            if (md) {
                out.println("| " + f.day() + " | " + f.status() + " | " + cell(f.title()) + " | " + cell(f.file())
                        + ":" + f.line() + " | " + cell(f.author()) + " | " + f.commit() + " |");
            } else {
                out.println("  " + f.day() + "  " + pad(f.status(), 7) + "  " + Visible.of(f.title()) + "  "
                        + Visible.of(f.file()) + ":" + f.line() + "  by " + Visible.of(f.author()) + "  " + f.commit());
            }
        }
        if (finished.isEmpty()) {
            out.println((md ? "\n" : "  ") + "Nothing was finished.");
        }
        out.println();
        head = "Due dates moved since " + Visible.of(label) + " (" + moved.size() + ")";
        out.println(md ? "## " + head : head);
        if (md && !moved.isEmpty()) {
            out.println();
            out.println("| Item | File | Due was | Due now | Moves | Last commit |");
            out.println("|---|---|---|---|---|---|");
        }
        for (Moved m : moved) {
            if (md) {
                out.println("| " + cell(m.title()) + " | " + cell(m.file()) + ":" + m.line() + " | " + m.from() + " | "
                        + m.to() + " | " + m.times() + " | " + m.commit() + " |");
            } else {
                out.println("  " + m.from() + " \u2192 " + m.to() + "  " + (m.times() == 1 ? "once   " : m.times()
                        + " times") + "  " + Visible.of(m.title()) + "  " + Visible.of(m.file()) + ":" + m.line()
                        + "  " + m.commit());
            }
        }
        if (moved.isEmpty()) {
            out.println((md ? "\n" : "  ") + "No due date moved.");
        }
    }

    /** The two sections as JSON fields of an object being written. */
    public void writeJson(JsonGenerator g) {
        try {
            g.writeStringField("since", label);
            g.writeArrayFieldStart("finished");
            for (Finished f : finished) {
                g.writeStartObject();
                g.writeStringField("file", f.file());
                g.writeNumberField("line", f.line());
                g.writeStringField("title", f.title());
                g.writeStringField("status", f.status());
                g.writeStringField("finished", f.day().toString());
                g.writeStringField("commit", f.commit());
                g.writeStringField("by", f.author());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("moved");
            for (Moved m : moved) {
                g.writeStartObject();
                g.writeStringField("file", m.file());
                g.writeNumberField("line", m.line());
                g.writeStringField("title", m.title());
                g.writeStringField("from", m.from().toString());
                g.writeStringField("to", m.to().toString());
                g.writeNumberField("times", m.times());
                g.writeStringField("commit", m.commit());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String s) {
        return Visible.of(s).replace("|", "\\|");
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
