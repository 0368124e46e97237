package pm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.lint.Finding;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.rules.Rules;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueReport;
import pm.overdue.OverdueSettings;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.report.OverdueFormat;
import pm.report.Report;
import pm.source.Input;
import pm.source.Listing;
import pm.cli.Context;
import pm.cli.ExitStatus;
import pm.cli.PmCommand;
import pm.cli.VersionProvider;

/**
 * {@code pm __train}: hidden; what the launcher runs once to record a class-data archive. It walks the
 * code paths of the everyday commands (parse, lint, overdue, their reports and help) on a built-in sample
 * postmortem, in memory, then {@code pm overdue} and {@code lint --staged} on small git repositories in
 * temporary folders it deletes afterwards: it reads no user file, writes nothing outside those folders and
 * prints nothing.
 */
@Command(name = "__train", hidden = true, description = "Warm-up run for the launcher's class-data archive.")
public final class TrainCommand implements Callable<Integer> {
    static final String SAMPLE = "/pm/cli/train-sample.md";

    @ParentCommand
    PmCommand parent;

    @Override
    public Integer call() throws InputException {
        Context ctx = parent.context();
        Path path = ctx.cwd().resolve("postmortems/2025-03-14-payment-api-outage.md");
        SourceText source = TextFiles.decode(path, sample());
        Postmortem pm = new PostmortemParser(Schema.DEFAULT).parse(path, source);
        new PostmortemParser(Schema.DEFAULT).frontMatter(source);
        List<Finding> findings = new Linter(LintSettings.defaults(Rules.metas()), Rules.ALL).lint(pm, "sample.md");
        if (pm.sections().isEmpty() || findings.isEmpty()) {
            throw new IllegalStateException("the training sample has no sections or no findings");
        }
        // a blamed subject after "because" (Subjects.NounPhrase), which the sample has none of; and Markdown the
        // plain reader leaves to flexmark (an escape, an image, HTML, a lazy quotation), as many real files hold
        byte[] blaming = (new String(sample(), java.nio.charset.StandardCharsets.UTF_8)
                + "\nThe outage was caused by Maria. Our order stalled when the pool drained because on-call "
                + "recovered our volume.\n\nA \\*literal\\* star, ![a graph](graph.png) and <b>HTML</b>.  \nA hard "
                + "break.\n\n> A quotation\ncontinued lazily.\n\n- An item\n  continued\n\n---\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Postmortem both = new PostmortemParser(Schema.DEFAULT).parse(path, TextFiles.decode(path, blaming));
        new Linter(LintSettings.defaults(Rules.metas()), Rules.ALL).lint(both, "blaming.md");
        StagedTraining.run(); // its own class: loading this one loads no JGit class
        for (Report.Format format : Report.Format.values()) {
            Report report = format.create(new PrintWriter(new StringWriter()), format == Report.Format.TEXT, "0",
                    Rules.metas());
            report.file("sample.md", findings);
            report.finish(0);
        }
        OverdueReport overdue = new OverdueCollector(new PostmortemParser(Schema.DEFAULT), OverdueSettings.DEFAULTS,
                LocalDate.of(2025, 6, 1), OverdueFilter.NONE)
                .collect(Listing.of(List.of(new Input("sample.md", path, TrainCommand::sample))), ctx.names());
        if (overdue.overdue().isEmpty()) {
            throw new IllegalStateException("the training sample has nothing overdue");
        }
        for (OverdueFormat format : OverdueFormat.values()) {
            format.write(overdue, new PrintWriter(new StringWriter()));
        }
        // help, usage errors and option parsing of every command, printed into memory
        Context quiet = new Context(ctx.cwd(), ctx.clock(), ctx.env(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (String[] args : new String[][] {{"--help"}, {"--version"}, {"new", "--help"}, {"init", "--help"},
                {"lint", "--help"}, {"overdue", "--help"}, {"new", "--no-such-option"}}) {
            Main.run(quiet, args);
        }
        overdueInGit(Path.of(System.getProperty("java.io.tmpdir")), quiet);
        return 0;
    }

    /**
     * Runs {@code pm lint} and {@code pm overdue} on a one-file git repository made in a new temporary folder
     * under {@code parent} and deleted afterwards, so the archive holds the classes that open a repository, read
     * its index and read files from the working tree. Skipped when no folder can be made there.
     *
     * @return whether it ran
     */
    static boolean overdueInGit(Path parent, Context quiet) {
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "pm-train-");
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try {
            String path = "postmortems/2025-03-14-payment-api-outage.md";
            byte[] content = sample();
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            try (TrainingGit isolated = new TrainingGit(dir)) {
                TrainingGit.withIndexedFile(dir, path, content);
            }
            Context inRepo = new Context(dir, quiet.clock(), quiet.env(), quiet.out(), quiet.err());
            // the everyday command lines, which FastPath runs without picocli, on files on disk
            boolean lint = Main.run(inRepo, new String[] {"lint", path}) == ExitStatus.FINDINGS
                    & Main.run(inRepo, new String[] {"lint"}) == ExitStatus.FINDINGS;
            boolean overdue = Main.run(inRepo, new String[] {"overdue"}) == 0;
            return Main.run(inRepo, new String[] {"overdue", "--as-of", "2025-06-01"}) == 0 && lint && overdue;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // a leftover in the temporary folder is harmless; training must not fail for it
        }
    }

    static byte[] sample() {
        try (InputStream in = TrainCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the training sample is missing from pm.jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the training sample cannot be read", e);
        }
    }
}
