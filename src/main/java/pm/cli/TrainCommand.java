package pm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.lint.Finding;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.report.Report;

/**
 * {@code pm __train}: hidden; what the launcher runs once to record a class-data archive. It walks the
 * code paths of the everyday commands on a built-in sample postmortem, in memory: it reads no user file,
 * writes nothing and prints nothing.
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
        List<Finding> findings = new Linter(LintSettings.defaults()).lint(pm, "sample.md");
        if (pm.sections().isEmpty() || findings.isEmpty()) {
            throw new IllegalStateException("the training sample has no sections or no findings");
        }
        for (Report.Format format : Report.Format.values()) {
            Report report = format.create(new PrintWriter(new StringWriter()), format == Report.Format.TEXT, "0");
            report.file("sample.md", findings);
            report.finish(0);
        }
        // help, usage errors and option parsing of every command, printed into memory
        Context quiet = new Context(ctx.cwd(), ctx.clock(), ctx.env(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (String[] args : new String[][] {{"--help"}, {"--version"}, {"new", "--help"}, {"init", "--help"}, {"lint", "--help"},
                {"new", "--no-such-option"}}) {
            Main.run(quiet, args);
        }
        return 0;
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
