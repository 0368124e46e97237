import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import pm.config.Config;
import pm.io.TextFiles;
import pm.lint.Finding;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.rules.Rules;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;

/**
 * In-process costs of parsing and of each lint rule, per file, once the JIT has warmed up: where the time
 * of a large {@code pm lint} goes. Run through src/scripts/bench-rules.
 */
public final class BenchRules {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(limit).toList();
        }
        if (files.isEmpty()) {
            System.err.println("bench-rules: no .md files in " + dir);
            System.exit(2);
        }
        Config config = Config.load(dir);
        PostmortemParser parser = new PostmortemParser(config.schema());
        LintSettings settings = LintSettings.of(config, Rules.metas());
        List<Rule> rules = Rules.ALL.stream().map(s -> s.make().apply(settings)).toList();
        List<SourceText> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(TextFiles.read(f));
        }
        long[][] ns = new long[rules.size() + 1][rounds];
        for (int round = 0; round < rounds; round++) {
            List<Postmortem> parsed = new ArrayList<>();
            long t0 = cpu();
            for (int i = 0; i < texts.size(); i++) {
                parsed.add(parser.parse(files.get(i), texts.get(i)));
            }
            ns[0][round] = cpu() - t0;
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                long s = cpu();
                List<Finding> found = new ArrayList<>();
                for (Postmortem pm : parsed) {
                    rule.check(pm, new LintContext(pm, "bench.md", found));
                    found.clear();
                }
                ns[r + 1][round] = cpu() - s;
            }
        }
        System.out.printf("%d files, median of rounds 3..%d, microseconds of CPU per file (%s)%n", files.size(), rounds,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        double total = 0;
        for (int r = 0; r <= rules.size(); r++) {
            long[] warm = Arrays.copyOfRange(ns[r], Math.min(2, rounds - 1), rounds);
            Arrays.sort(warm);
            double us = warm[warm.length / 2] / 1e3 / files.size();
            total += us;
            System.out.printf("  %-22s %8.1f%n", r == 0 ? "parse" : rules.get(r - 1).getClass().getSimpleName(), us);
        }
        System.out.printf("  %-22s %8.1f%n", "total", total);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of this thread: steadier than wall time on a shared machine. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
