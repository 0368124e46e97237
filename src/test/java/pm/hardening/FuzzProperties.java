package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import pm.io.InputException;
import pm.lint.ActionTableFix;
import pm.lint.Finding;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.rules.Rules;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueReport;
import pm.overdue.OverdueSettings;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;
import pm.report.OverdueFormat;
import pm.report.Report;
import pm.io.TextFiles;
import pm.language.BlameDetector;
import pm.language.VagueActionDetector;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.HtmlComment;
import pm.model.Postmortem;
import pm.model.Problem;
import pm.model.ProseBlock;
import pm.model.Section;
import pm.model.SourceText;
import pm.model.Span;
import pm.model.TimelineRow;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/**
 * Generated and mutated postmortems through everything that reads a file: decode, parse, the language
 * detectors, every lint rule, lint --fix and its reports, and the overdue collector and its formats. Whatever the bytes, the result is a model whose positions are inside the file, or an
 * {@link InputException} — never another exception. {@code mvn test} runs a sample (jqwik.tries.default in
 * junit-platform.properties); the long run is
 * {@code mvn -B -ntp test -Dtest=FuzzProperties -Djqwik.tries.default=100000}.
 */
class FuzzProperties {
    private static final Path FILE = Path.of("postmortems/2025-03-14-fuzz.md");
    private static final PostmortemParser PARSER = new PostmortemParser(Schema.DEFAULT);
    private static final BlameDetector BLAME = new BlameDetector();
    private static final VagueActionDetector VAGUE = new VagueActionDetector();

    private static final Names NAMES = new Names(Path.of(""));
    private static final Linter LINTER = new Linter(LintSettings.defaults(Rules.metas()), Rules.ALL);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Provide
    Arbitrary<byte[]> files() {
        return PostmortemArbitraries.files();
    }

    /**
     * The longest one input may take through everything here: a second per MB, as the linear-time promise allows,
     * and never less than a second (a small input's time is mostly a garbage collection or a compilation).
     */
    static long allowedNanos(int bytes) {
        return Math.max(1_000_000_000L, bytes * 1_000L);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void anyFileGivesAModelWithPositionsInsideItOrAnInputError(@ForAll("files") byte[] bytes) {
        long took = cpuNanos(() -> exercise(bytes));
        if (took > allowedNanos(bytes.length)) {
            // measured again before failing: this thread's CPU time leaves out other processes, not a collection
            took = Math.min(took, cpuNanos(() -> exercise(bytes)));
        }
        assertThat(took).as("%d bytes took %d ms of CPU; the bound is a second per MB", bytes.length, took / 1_000_000)
                .isLessThanOrEqualTo(allowedNanos(bytes.length));
    }

    /**
     * The shape the long run stopped at (try 7,847): a 13,781-character paragraph of links nested 2,756 deep. It took
     * more than a second of CPU, all of it in this harness's own check, which made the paragraph's offsets afresh
     * for every character (pm took 40 ms); kept as a case that stays within the bound.
     */
    @net.jqwik.api.Example
    void linksNestedThousandsDeepStayInBounds() {
        String deep = "[".repeat(2756) + "x" + "](u)".repeat(2756);
        anyFileGivesAModelWithPositionsInsideItOrAnInputError(Inputs.utf8(Inputs.CLEAN.replace("## Timeline",
                "# Timeline\n\n" + deep + "\n")));
    }

    private static long cpuNanos(Runnable r) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        r.run();
        return mx.getCurrentThreadCpuTime() - start;
    }

    /** Decode, parse, lint (with --fix and every report) and overdue: the model is sound, or one line says why not. */
    private static void exercise(byte[] bytes) {
        SourceText source;
        try {
            source = TextFiles.decode(FILE, bytes);
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.line()).isBetween(0, bytes.length + 1);
            return;
        }
        Postmortem pm;
        try {
            pm = PARSER.parse(FILE, source);
        } catch (pm.parse.UnreadableBody e) {
            // nested deeper than pm reads: one line, at a line of the file
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.line()).isBetween(0, source.lineCount());
            overdue(source); // pm overdue reads only the front matter, so it still reads the file
            return;
        }
        check(pm);
        assertThat(PARSER.frontMatter(source).problems()).isEqualTo(pm.frontMatter().problems());
        lint(pm);
        overdue(source);
    }

    /** pm lint: every rule, --fix (whose output must parse and lint too), and every report format. */
    private static void lint(Postmortem pm) {
        List<Finding> findings = LINTER.lint(pm, FILE.toString());
        for (Finding f : findings) {
            assertThat(f.line()).as(f.toString()).isBetween(1, pm.source().lineCount());
        }
        for (Report.Format format : Report.Format.values()) {
            StringWriter out = new StringWriter();
            Report report = format.create(new PrintWriter(out), format == Report.Format.TEXT, "fuzz", Rules.metas());
            report.file(FILE.toString(), findings);
            report.finish(0);
            assertThat(out.toString()).isNotEmpty();
        }
        if (ActionTableFix.apply(pm) instanceof ActionTableFix.Fixed fixed) {
            Postmortem again = PARSER.parse(FILE, SourceText.of(fixed.text()));
            check(again);
            LINTER.lint(again, FILE.toString());
        }
    }

    /** pm overdue: collecting from the front matter and every output format. */
    private static void overdue(SourceText source) {
        OverdueReport report = new OverdueCollector(PARSER, OverdueSettings.DEFAULTS, TODAY, OverdueFilter.NONE)
                .collect(Listing.of(List.of(new Input(FILE.toString(), FILE,
                        () -> source.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)))), NAMES);
        for (OverdueFormat format : OverdueFormat.values()) {
            StringWriter out = new StringWriter();
            format.write(report, new PrintWriter(out));
        }
    }

    private static void check(Postmortem pm) {
        SourceText src = pm.source();
        int len = src.text().length();
        int lines = src.lineCount();
        FrontMatter f = pm.frontMatter();
        checkSpan(f.span(), lines);
        for (Problem p : f.problems()) {
            checkSpan(p.span(), lines);
            assertThat(p.message()).isNotBlank().doesNotContain("Exception");
        }
        for (String key : f.raw() == null ? List.<String>of() : f.raw().entries().keySet()) {
            assertThat(f.lineOf(key)).isBetween(1, lines);
        }
        for (Section s : pm.sections()) {
            checkSpan(s.headingSpan(), lines);
            assertThat(s.contentStart()).isBetween(0, len);
            assertThat(s.contentEnd()).isBetween(s.contentStart(), len);
        }
        for (TimelineRow r : pm.timeline()) {
            checkSpan(r.span(), lines);
        }
        for (ActionItem a : concat(f.actionItems(), pm.bodyActionItems())) {
            checkSpan(a.span(), lines);
            if (a.title() != null) {
                VAGUE.check(a.title());
            }
        }
        pm.actionItemTable().ifPresent(t -> {
            assertThat(t.start()).isBetween(0, len);
            assertThat(t.end()).isBetween(t.start(), len);
            checkSpan(t.span(), lines);
        });
        for (ProseBlock p : pm.prose()) {
            int[] offsets = p.offsets(); // once: it is made afresh at every call (as the long run found)
            assertThat(offsets).hasSize(p.text().length());
            // plain comparisons, not an assertion object per character: the time bound is on pm, not on AssertJ
            for (int i = 0; i < p.text().length(); i++) {
                int o = offsets[i];
                char c = p.text().charAt(i);
                if (o < 0 || o > len - 1 || !Character.isWhitespace(c) && src.text().charAt(o) != c) {
                    throw new AssertionError("prose character " + i + " of '" + p.text() + "' maps to offset " + o
                            + " of a file of " + len + " characters");
                }
            }
            BLAME.find(p.text()).forEach(b -> {
                assertThat(b.start()).isBetween(0, p.text().length());
                assertThat(b.end()).isBetween(b.start(), p.text().length());
                checkSpan(src.span(p.sourceOffset(b.start()), p.sourceOffset(b.end())), lines);
            });
        }
        for (HtmlComment c : pm.comments()) {
            assertThat(c.start()).isBetween(0, len);
            assertThat(c.end()).isBetween(c.start(), len);
            checkSpan(c.span(), lines);
        }
    }

    private static void checkSpan(Span s, int lines) {
        assertThat(s.line()).as("span %s", s).isBetween(1, lines);
        assertThat(s.endLine()).as("span %s", s).isBetween(s.line(), lines);
        assertThat(s.column()).as("span %s", s).isGreaterThanOrEqualTo(1);
    }

    private static List<ActionItem> concat(List<ActionItem> a, List<ActionItem> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
