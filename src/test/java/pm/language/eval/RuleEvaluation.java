package pm.language.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pm.language.BlameDetector;
import pm.language.VagueActionDetector;

/**
 * Measures the language rules against labelled TSV files (label TAB text [TAB source]).
 *
 * <pre>
 * RuleEvaluation [data-folder] [--verbose] [--check] [--half a|b]
 * </pre>
 *
 * The data folder defaults to {@code ../shared/data}; the held-out sets shipped with the tests
 * ({@code src/test/resources/pm/language/heldout-*.tsv}) are always measured too. Lines starting with
 * {@code #} are comments. {@code --verbose} lists false positives and false negatives, {@code --check} exits
 * with 1 when a target is missed, and {@code --half} keeps every other row (a: rows 1, 3, 5…; b: rows 2, 4,
 * 6…) to compare a tuning half with a held-out half.
 */
public final class RuleEvaluation {

    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final String HELD_OUT = "/pm/language/";

    /** One labelled file and the detector that predicts its positive label. */
    private record DataSet(String file, String positive, double minPrecision, double minRecall,
                           Predicate<String> detector) {
        DataSet renamed(String name) {
            return new DataSet(name, positive, minPrecision, minRecall, detector);
        }
    }

    private record Row(String label, String text) {
    }

    private RuleEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of("../shared/data");
        boolean verbose = false;
        boolean check = false;
        String half = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verbose" -> verbose = true;
                case "--check" -> check = true;
                case "--half" -> half = args[++i];
                default -> folder = Path.of(args[i]);
            }
        }
        BlameDetector blame = new BlameDetector();
        VagueActionDetector vague = new VagueActionDetector();
        Predicate<String> isBlame = text -> !blame.find(asPlainProse(text)).isEmpty();
        DataSet blameDev = new DataSet("blame-sentences.dev.tsv", "blame", 0.95, 0.90, isBlame);
        DataSet actionsDev = new DataSet("action-items.dev.tsv", "vague", 0.90, 0.85,
                item -> vague.check(item).isPresent());

        boolean allMet = true;
        // blame-sentences.real.tsv and the real-b sets are real text: RealTextEvaluation measures them in their files
        for (DataSet set : List.of(blameDev, actionsDev)) {
            Path file = folder.resolve(set.file());
            if (Files.isRegularFile(file)) {
                allMet &= evaluate(set, select(read(Files.readAllLines(file, StandardCharsets.UTF_8)), half),
                        verbose);
            } else {
                System.out.println(set.file() + ": not in " + folder.toAbsolutePath().normalize() + "; skipped");
            }
        }
        for (String prefix : List.of("heldout-", "heldout-final-")) {
            allMet &= evaluate(blameDev.renamed(prefix + "blame.tsv"), select(heldOut(prefix + "blame.tsv"), half),
                    verbose);
            allMet &= evaluate(actionsDev.renamed(prefix + "actions.tsv"),
                    select(heldOut(prefix + "actions.tsv"), half), verbose);
        }
        if (check && !allMet) {
            System.exit(1);
        }
    }

    /** What the Markdown layer hands to the detector: code spans replaced by spaces of equal length. */
    private static String asPlainProse(String markdown) {
        Matcher m = CODE_SPAN.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.group().length()));
        }
        return m.appendTail(out).toString();
    }

    /** How a detector did on one labelled set. */
    record Score(String set, int tp, int fp, int fn, int tn, double minPrecision, double minRecall) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        boolean met() {
            return precision() >= minPrecision && recall() >= minRecall;
        }
    }

    /** The scores on the held-out sets shipped with the tests, which a clone of the repository has. */
    static List<Score> heldOutScores() throws IOException {
        BlameDetector blame = new BlameDetector();
        VagueActionDetector vague = new VagueActionDetector();
        List<Score> scores = new ArrayList<>();
        for (String prefix : List.of("heldout-", "heldout-final-")) {
            scores.add(score(new DataSet(prefix + "blame.tsv", "blame", 0.95, 0.90,
                    text -> !blame.find(asPlainProse(text)).isEmpty()), heldOut(prefix + "blame.tsv")));
            scores.add(score(new DataSet(prefix + "actions.tsv", "vague", 0.90, 0.85,
                    item -> vague.check(item).isPresent()), heldOut(prefix + "actions.tsv")));
        }
        return scores;
    }

    private static Score score(DataSet set, List<Row> rows) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Row row : rows) {
            boolean actual = row.label().equals(set.positive());
            boolean predicted = set.detector().test(row.text());
            if (actual) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
        }
        return new Score(set.file(), tp, fp, fn, tn, set.minPrecision(), set.minRecall());
    }

    private static boolean evaluate(DataSet set, List<Row> rows, boolean verbose) {
        List<String> falsePositives = new ArrayList<>();
        List<String> falseNegatives = new ArrayList<>();
        int tp = 0;
        int tn = 0;
        for (Row row : rows) {
            boolean actual = row.label().equals(set.positive());
            boolean predicted = set.detector().test(row.text());
            if (actual && predicted) {
                tp++;
            } else if (!actual && !predicted) {
                tn++;
            } else if (predicted) {
                falsePositives.add(row.text());
            } else {
                falseNegatives.add(row.text());
            }
        }
        int fp = falsePositives.size();
        int fn = falseNegatives.size();
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        boolean met = precision >= set.minPrecision() && recall >= set.minRecall();
        System.out.printf(Locale.ROOT,
                "%-28s %-6s precision %.3f (>= %.2f)  recall %.3f (>= %.2f)  F1 %.3f  tp %d fp %d fn %d tn %d  %s%n",
                set.file(), set.positive(), precision, set.minPrecision(), recall, set.minRecall(), f1, tp, fp, fn,
                tn, met ? "OK" : "MISSED");
        if (verbose) {
            falsePositives.forEach(text -> System.out.println("  FP  " + text));
            falseNegatives.forEach(text -> System.out.println("  FN  " + text));
        }
        return met;
    }

    /** A held-out set shipped with the tests, read from the class path. */
    private static List<Row> heldOut(String name) throws IOException {
        try (InputStream in = RuleEvaluation.class.getResourceAsStream(HELD_OUT + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + HELD_OUT + name);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    /** Rows of a TSV file: comment lines ({@code #}) and the header row are skipped. */
    private static List<Row> read(List<String> lines) {
        List<String> content = lines.stream().filter(line -> !line.startsWith("#")).toList();
        List<Row> rows = new ArrayList<>();
        for (String line : content.subList(Math.min(1, content.size()), content.size())) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                rows.add(new Row(fields[0].strip(), fields[1]));
            }
        }
        return rows;
    }

    private static List<Row> select(List<Row> rows, String half) {
        if (half == null) {
            return rows;
        }
        int offset = half.equals("b") ? 1 : 0;
        List<Row> kept = new ArrayList<>();
        for (int i = offset; i < rows.size(); i += 2) {
            kept.add(rows.get(i));
        }
        return kept;
    }
}
