package pm.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.lint.Finding;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.Severity;
import pm.lint.rules.Rules;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.model.Span;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/**
 * Measures pm lint on real postmortems as a user runs it: each labelled file is linted whole, with the default
 * settings, and each labelled sentence or follow-up counts as flagged when a finding of the rule overlaps it.
 *
 * <pre>
 * RealTextEvaluation [--shared DIR] [--corpus DIR] [--verbose] [--check] [--split NAME]
 * </pre>
 *
 * The corpus is listed in {@code src/test/resources/pm/eval/corpus.tsv} with its split ({@code tune}: read,
 * tuned on; {@code test}: only measured). Its files come from {@code ../shared/data} (as CI has it) and from
 * the folder of fetched postmortems ({@code --corpus}, default {@code ../corpus/files}); a file in neither is
 * skipped and said so. Labels: the located ones in {@code src/test/resources/pm/eval/*-blame.tsv} and
 * {@code *-actions.tsv} (label, file, start, end, check, note; the text stays in the postmortem), and the
 * labelled sets in {@code ../shared/data} that quote their text.
 *
 * <p>Reported per split: blame-language over labelled sentences (every finding, and errors only), the findings
 * on sentences nobody labelled (to be read and labelled), blameless postmortems with a blame error, follow-ups
 * found, and vague-action-item over labelled follow-ups. {@code --verbose} lists every miss, false alarm and
 * unlabelled finding; {@code --check} exits 1 when a target is missed on a test split.
 */
public final class RealTextEvaluation {
    static final String RESOURCES = "/pm/eval/";

    /** A file of the corpus and where it comes from ({@code shared-a}, {@code shared-b}, {@code fetched}). */
    record CorpusFile(String name, String repository, String path, String commit, String licence, String split,
                      String home) {
    }

    /** A labelled stretch of a file: offsets into its text. */
    record Label(String set, String kind, String label, String file, int start, int end, String note) {
        boolean positive() {
            return kind.equals("blame") ? !label.equals("ok") : label.equals("vague");
        }
    }

    /** What pm made of one file. */
    record Linted(CorpusFile file, SourceText source, Postmortem model, List<Finding> findings) {
    }

    /** Counts of one measure. */
    static final class Tally {
        int tp;
        int fp;
        int fn;
        int tn;
        final List<String> misses = new ArrayList<>();
        final List<String> falseAlarms = new ArrayList<>();

        void add(boolean actual, boolean predicted, String what) {
            if (actual && predicted) {
                tp++;
            } else if (actual) {
                fn++;
                misses.add(what);
            } else if (predicted) {
                fp++;
                falseAlarms.add(what);
            } else {
                tn++;
            }
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    /** The measures of one split. */
    static final class Result {
        final Tally blame = new Tally();
        final Tally blameErrors = new Tally();
        final Tally selfBlame = new Tally();
        final Tally vague = new Tally();
        final Tally classifier = new Tally();
        final Tally found = new Tally();
        final List<String> unlabelled = new ArrayList<>();
        int files;
        int blamelessFiles;
        final List<String> blamelessWithError = new ArrayList<>();
        final Map<String, Tally> blameByRepository = new TreeMap<>();
        final Map<String, Tally> vagueByRepository = new TreeMap<>();
    }

    private final Path shared;
    private final Path corpus;
    private final pm.language.ProperNouns tagger;

    RealTextEvaluation(Path shared, Path corpus) {
        this(shared, corpus, null);
    }

    /** @param tagger a part-of-speech tagger for blame-language to consult (the experiment), or null */
    RealTextEvaluation(Path shared, Path corpus, pm.language.ProperNouns tagger) {
        this.shared = shared;
        this.corpus = corpus;
        this.tagger = tagger;
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of("../shared/data");
        Path corpus = Path.of("../corpus/files");
        boolean verbose = false;
        boolean check = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--verbose" -> verbose = true;
                case "--check" -> check = true;
                case "--split" -> only = args[++i];
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        RealTextEvaluation eval = new RealTextEvaluation(shared, corpus);
        Map<String, Result> results = eval.run(only);
        List<String> below = new ArrayList<>();
        for (Map.Entry<String, Result> e : results.entrySet()) {
            print(e.getKey(), e.getValue(), verbose);
            below.addAll(belowFloors(e.getKey(), measures(e.getValue())));
        }
        agreement("blame", "ok");
        agreement("actions", "specific");
        if (!below.isEmpty()) {
            System.out.println("below the floors in src/test/resources/pm/eval/floors.tsv (a regression):");
            below.forEach(b -> System.out.println("  " + b));
        }
        if (check && !below.isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * How far two people who labelled the same sample agree (agreement-*.tsv), as Cohen's kappa and as the second
     * person's precision and recall against the first: the ceiling any rule can reach on these labels.
     */
    static void agreement(String kind, String negative) throws IOException {
        List<String[]> rows = resourceRows("agreement-" + kind + ".tsv");
        if (rows.isEmpty()) {
            return;
        }
        Tally t = new Tally();
        int same = 0;
        Map<String, int[]> counts = new TreeMap<>();
        for (String[] row : rows) {
            String[] pair = row[0].split("\\|");
            boolean first = !pair[0].equals(negative);
            boolean second = !pair[1].equals(negative);
            t.add(first, second, "");
            same += first == second ? 1 : 0;
            counts.computeIfAbsent(pair[0], k -> new int[2])[0]++;
            counts.computeIfAbsent(pair[1], k -> new int[2])[1]++;
        }
        int n = rows.size();
        double po = (double) same / n;
        double pFirst = (double) (t.tp + t.fn) / n;
        double pSecond = (double) (t.tp + t.fp) / n;
        double pe = pFirst * pSecond + (1 - pFirst) * (1 - pSecond);
        System.out.printf(Locale.ROOT, "== two labellers on %d %s rows: agreement %.2f, kappa %.2f; the second "
                + "against the first: P %.2f R %.2f%n", n, kind, po, (po - pe) / (1 - pe), t.precision(), t.recall());
    }

    /** The figures of a split that floors.tsv can hold, by name. */
    static Map<String, Double> measures(Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("blame.precision", r.blame.precision());
        m.put("blame.recall", r.blame.recall());
        m.put("errors.precision", r.blameErrors.precision());
        m.put("blameless.clean", r.blamelessFiles == 0 ? 1 : 1 - (double) r.blamelessWithError.size() / r.blamelessFiles);
        m.put("followups.recall", r.found.recall());
        m.put("vague.precision", r.vague.precision());
        m.put("vague.recall", r.vague.recall());
        m.put("judgment.precision", r.classifier.precision());
        m.put("judgment.recall", r.classifier.recall());
        return m;
    }

    /**
     * The measures under their floor: the figures a change may not lose ({@code floors.tsv}: split, measure,
     * minimum), raised as the rules improve. A split whose files are not here (the fetched ones) is not checked.
     */
    static List<String> belowFloors(String split, Map<String, Double> measured) throws IOException {
        List<String> below = new ArrayList<>();
        for (String[] row : resourceRows("floors.tsv")) {
            if (row.length >= 3 && row[0].equals(split) && measured.containsKey(row[1])) {
                double floor = Double.parseDouble(row[2]);
                double got = measured.get(row[1]);
                if (got + 1e-9 < floor) {
                    below.add(String.format(Locale.ROOT, "%s %s: %.3f, floor %.3f", split, row[1], got, floor));
                }
            }
        }
        return below;
    }

    /** Lints every available file of the corpus and scores it against its labels, by split. */
    Map<String, Result> run(String only) throws IOException {
        List<CorpusFile> files = manifest();
        Map<String, CorpusFile> byName = new LinkedHashMap<>();
        for (CorpusFile f : files) {
            byName.put(f.name(), f);
        }
        Map<String, Linted> linted = new LinkedHashMap<>();
        int missing = 0;
        PostmortemParser parser = new PostmortemParser(Schema.DEFAULT);
        List<pm.lint.Rule.Spec> specs = new ArrayList<>(Rules.ALL);
        if (tagger != null) {
            specs.replaceAll(spec -> spec.meta().id().equals("blame-language")
                    ? new pm.lint.Rule.Spec(spec.meta(), st -> new pm.lint.rules.BlameLanguage(st, tagger)) : spec);
        }
        Linter linter = new Linter(LintSettings.defaults(Rules.metas()), specs);
        for (CorpusFile f : files) {
            if (only != null && !f.split().equals(only)) {
                continue;
            }
            Path path = where(f);
            if (path == null) {
                missing++;
                continue;
            }
            try {
                SourceText source = TextFiles.read(path);
                Postmortem pm = parser.parse(path, source);
                linted.put(f.name(), new Linted(f, source, pm, linter.lint(pm, f.name())));
            } catch (InputException e) {
                System.err.println(f.name() + ": " + e.getMessage());
            }
        }
        if (missing > 0) {
            System.out.println(missing + " corpus files not here (fetched ones live outside the repository: "
                    + "--corpus DIR); their labels are skipped");
        }
        List<Label> labels = labels(linted);
        Map<String, Result> results = new TreeMap<>();
        Map<String, List<Label>> byFile = new LinkedHashMap<>();
        for (Label l : labels) {
            byFile.computeIfAbsent(l.file(), k -> new ArrayList<>()).add(l);
        }
        java.util.Set<String> partial = new java.util.HashSet<>();
        for (CorpusFile f : files) {
            if ((only == null || f.split().equals(only)) && !linted.containsKey(f.name())) {
                partial.add(f.split());
            }
        }
        for (Linted l : linted.values()) {
            // a split some of whose files are not here is measured as such: its floors are not the whole split's
            String split = l.file().split() + (partial.contains(l.file().split()) ? "-partial" : "");
            Result r = results.computeIfAbsent(split, k -> new Result());
            score(l, byFile.getOrDefault(l.file().name(), List.of()), r);
        }
        return results;
    }

    private Path where(CorpusFile f) {
        Path p = switch (f.home()) {
            case "shared-a" -> shared.resolve("real-postmortems").resolve(f.name());
            case "shared-b" -> shared.resolve("real-postmortems-b").resolve(f.name());
            default -> corpus.resolve(f.name());
        };
        return Files.isRegularFile(p) ? p : null;
    }

    private static void score(Linted l, List<Label> labels, Result r) {
        r.files++;
        String text = l.source().text();
        String repo = l.file().repository();
        List<Finding> blame = l.findings().stream().filter(f -> f.rule().equals("blame-language")).toList();
        List<Finding> vague = l.findings().stream().filter(f -> f.rule().equals("vague-action-item")).toList();
        boolean blaming = false;
        boolean blameLabels = false;
        List<int[]> labelled = new ArrayList<>();
        for (Label label : labels) {
            String what = l.file().name() + ":" + l.source().line(label.start()) + "  "
                    + collapse(text.substring(label.start(), Math.min(text.length(), label.end())));
            if (label.kind().equals("blame")) {
                blameLabels = true;
                labelled.add(new int[] {label.start(), label.end()});
                blaming |= label.positive();
                List<Finding> hits = overlapping(l.source(), blame, label);
                boolean error = hits.stream().anyMatch(f -> f.severity() == Severity.ERROR);
                String shown = what + (hits.isEmpty() ? "" : "\n        pm: " + hits.get(0).message());
                r.blame.add(label.positive(), !hits.isEmpty(), shown);
                r.blameErrors.add(label.positive(), error, shown);
                r.blameByRepository.computeIfAbsent(repo, k -> new Tally()).add(label.positive(), !hits.isEmpty(),
                        shown);
                if (label.label().equals("self-blame")) {
                    r.selfBlame.add(true, !hits.isEmpty(), shown);
                }
            } else {
                List<Finding> hits = overlapping(l.source(), vague, label);
                String shown = what + (hits.isEmpty() ? "" : "\n        pm: " + hits.get(0).message());
                r.vague.add(label.positive(), !hits.isEmpty(), shown);
                r.vagueByRepository.computeIfAbsent(repo, k -> new Tally()).add(label.positive(), !hits.isEmpty(),
                        shown);
                r.found.add(true, isFollowUp(l, label), what);
                String written = text.substring(label.start(), Math.min(text.length(), label.end()));
                boolean judged = VAGUE.check(pm.model.FollowUpText.task(plain(written))).isPresent();
                r.classifier.add(label.positive(), judged, what);
            }
        }
        boolean actionLabels = labels.stream().anyMatch(x -> x.kind().equals("actions"));
        if (actionLabels) {
            for (Finding f : vague) {
                int start = offset(l.source(), f.span().line(), f.span().column());
                int end = offset(l.source(), f.span().endLine(), f.span().endColumn());
                boolean known = labels.stream().anyMatch(x -> x.kind().equals("actions") && x.start() <= end
                        && start <= x.end());
                if (!known) {
                    // every follow-up is labelled: a vague finding on anything else is a false alarm
                    r.vague.add(false, true, l.file().name() + ":" + f.line() + "  (not a labelled follow-up)  "
                            + collapse(l.source().lineText(f.line())) + "\n        pm: " + f.message());
                }
            }
        }
        if (!blameLabels) {
            return; // a file nobody labelled for blame says nothing about false alarms
        }
        for (Finding f : blame) {
            int start = offset(l.source(), f.span().line(), f.span().column());
            int end = offset(l.source(), f.span().endLine(), f.span().endColumn());
            boolean known = labelled.stream().anyMatch(s -> s[0] <= end && start <= s[1]);
            if (!known) {
                // the labels name every sentence that blames: one they leave out is a false alarm until labelled
                String shown = l.file().name() + ":" + f.line() + "  " + f.severity().id() + "  "
                        + collapse(l.source().lineText(f.line())) + "\n        pm: " + f.message();
                r.unlabelled.add(shown);
                r.blame.add(false, true, shown);
                if (f.severity() == Severity.ERROR) {
                    r.blameErrors.add(false, true, shown);
                }
            }
        }
        if (!blaming) {
            r.blamelessFiles++;
            if (blame.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                r.blamelessWithError.add(l.file().name());
            }
        }
    }

    private static final pm.language.VagueActionDetector VAGUE = new pm.language.VagueActionDetector();
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("\\*\\*|__|`|^\\s*(?:[-*+]|\\d+[.)])\\s+");

    /** Roughly what a list item's text reads as: emphasis, code marks and a list marker gone. */
    private static String plain(String written) {
        return MARKUP.matcher(written.strip()).replaceAll("").strip();
    }

    private static boolean isFollowUp(Linted l, Label label) {
        List<ActionItem> all = new ArrayList<>(l.model().frontMatter().actionItems());
        all.addAll(l.model().bodyActionItems());
        all.addAll(l.model().followUpMentions());
        for (ActionItem a : all) {
            Span s = a.span();
            int start = offset(l.source(), s.line(), s.column());
            int end = offset(l.source(), s.endLine(), s.endColumn());
            if (start <= label.end() && label.start() <= end) {
                return true;
            }
        }
        return false;
    }

    private static List<Finding> overlapping(SourceText source, List<Finding> findings, Label label) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            int start = offset(source, f.span().line(), f.span().column());
            int end = offset(source, f.span().endLine(), f.span().endColumn());
            if (start <= label.end() && label.start() <= end) {
                out.add(f);
            }
        }
        return out;
    }

    static int offset(SourceText source, int line, int column) {
        int l = Math.max(1, Math.min(line, source.lineCount()));
        return Math.min(source.text().length(), source.lineStart(l) + Math.max(0, column - 1));
    }

    private static String collapse(String s) {
        String c = s.replaceAll("\\s+", " ").strip();
        return c.length() > 220 ? c.substring(0, 217) + "…" : c;
    }

    // ---- reading the corpus and the labels

    static List<CorpusFile> manifest() throws IOException {
        List<CorpusFile> out = new ArrayList<>();
        for (String[] row : resourceRows("corpus.tsv")) {
            if (row.length >= 7) {
                out.add(new CorpusFile(row[0], row[1], row[2], row[3], row[4], row[5], row[6]));
            }
        }
        return out;
    }

    private List<Label> labels(Map<String, Linted> linted) throws IOException {
        List<Label> out = new ArrayList<>();
        for (String set : List.of("tune")) {
            for (String kind : List.of("blame", "actions")) {
                for (String[] row : resourceRows(set + "-" + kind + ".tsv")) {
                    Linted l = linted.get(row[1]);
                    if (l == null) {
                        continue;
                    }
                    int start = offsetOf(l.source(), row[2]);
                    int end = offsetOf(l.source(), row[3]) + 1;
                    String got = Located.check(l.source().text().substring(start, Math.min(end, l.source().text().length())));
                    if (!got.equals(row[4])) {
                        System.err.println(row[1] + " " + row[2] + ": the labelled text is not there (the file "
                                + "changed?); label skipped");
                        continue;
                    }
                    out.add(new Label(set, kind.equals("blame") ? "blame" : "actions", row[0], row[1], start, end,
                            row.length > 5 ? row[5] : ""));
                }
            }
        }
        // the sets in ../shared that quote their text: located here
        quoted(out, linted, "blame-sentences.real-b.tsv", "blame", "shared-b");
        quoted(out, linted, "action-items.real-b.tsv", "actions", "shared-b");
        quoted(out, linted, "blame-sentences.real.tsv", "blame", "shared-a");
        return out;
    }

    private void quoted(List<Label> out, Map<String, Linted> linted, String file, String kind, String set)
            throws IOException {
        Path p = shared.resolve(file);
        if (!Files.isRegularFile(p)) {
            return;
        }
        int lost = 0;
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String[] row = line.split("\t", -1);
            if (line.startsWith("#") || row.length < 3 || row[0].equals("label")) {
                continue;
            }
            String where = row[2];
            int colon = where.lastIndexOf(':');
            boolean hasLine = colon > 0 && where.substring(colon + 1).chars().allMatch(Character::isDigit)
                    && colon < where.length() - 1;
            String name = hasLine ? where.substring(0, colon) : where;
            Linted l = linted.get(name);
            if (l == null) {
                continue;
            }
            int[] span = hasLine ? Located.find(l.source(), Integer.parseInt(where.substring(colon + 1)), row[1])
                    : Located.anywhere(l.source(), row[1]);
            if (span == null) {
                lost++;
                continue;
            }
            out.add(new Label(set, kind, row[0].strip(), name, span[0], span[1], row.length > 3 ? row[3] : ""));
        }
        if (lost > 0) {
            System.out.println(file + ": " + lost + " rows not found in their files; skipped");
        }
    }

    private static int offsetOf(SourceText source, String lineColumn) {
        String[] lc = lineColumn.split(":");
        return offset(source, Integer.parseInt(lc[0]), Integer.parseInt(lc[1]));
    }

    static List<String[]> resourceRows(String name) throws IOException {
        try (InputStream in = RealTextEvaluation.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return List.of();
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

    // ---- the report

    static final double ERROR_PRECISION = 0.95;
    static final double BLAME_PRECISION = 0.90;
    static final double BLAME_RECALL = 0.85;
    static final double VAGUE_PRECISION = 0.90;
    static final double VAGUE_RECALL = 0.85;

    static boolean print(String split, Result r, boolean verbose) {
        System.out.printf(Locale.ROOT, "== %s: %d files%n", split, r.files);
        boolean met = true;
        met &= line("blame-language, every finding", r.blame, BLAME_PRECISION, BLAME_RECALL);
        met &= line("blame-language, errors only", r.blameErrors, ERROR_PRECISION, -1);
        line("  of which self-blame (recall)", r.selfBlame, -1, -1);
        boolean files = r.blamelessWithError.size() * 30 <= r.blamelessFiles;
        met &= files;
        System.out.printf(Locale.ROOT, "  %-34s %d of %d (<= 1 in 30)  %s%n", "blameless files with a blame error",
                r.blamelessWithError.size(), r.blamelessFiles, files ? "OK" : "MISSED");
        System.out.printf(Locale.ROOT, "  %-34s %d (counted as false alarms above; read them)%n",
                "blame findings on unlabelled text", r.unlabelled.size());
        line("follow-ups found by pm (recall)", r.found, -1, -1);
        met &= line("vague-action-item", r.vague, VAGUE_PRECISION, VAGUE_RECALL);
        line("  its judgment on every labelled item", r.classifier, -1, -1);
        if (verbose) {
            list("blame missed", r.blame.misses);
            list("blame false alarms", r.blame.falseAlarms);
            list("blame on unlabelled text", r.unlabelled);
            list("blameless files with a blame error", r.blamelessWithError);
            list("follow-ups not found", r.found.misses);
            list("vague missed", r.vague.misses);
            list("vague false alarms", r.vague.falseAlarms);
            list("judgment: vague missed", r.classifier.misses);
            list("judgment: vague false alarms", r.classifier.falseAlarms);
            System.out.println("  by repository (blame P/R, vague P/R):");
            for (String repo : r.blameByRepository.keySet()) {
                Tally b = r.blameByRepository.get(repo);
                Tally v = r.vagueByRepository.getOrDefault(repo, new Tally());
                System.out.printf(Locale.ROOT, "    %-45s blame tp %d fp %d fn %d   vague tp %d fp %d fn %d%n", repo,
                        b.tp, b.fp, b.fn, v.tp, v.fp, v.fn);
            }
        }
        return met;
    }

    private static boolean line(String name, Tally t, double minP, double minR) {
        boolean met = (minP < 0 || t.precision() >= minP) && (minR < 0 || t.recall() >= minR);
        System.out.printf(Locale.ROOT, "  %-34s P %.2f%s R %.2f%s  (tp %d fp %d fn %d tn %d)%s%n", name,
                t.precision(), minP < 0 ? "       " : String.format(Locale.ROOT, " (>=%.2f)", minP), t.recall(),
                minR < 0 ? "       " : String.format(Locale.ROOT, " (>=%.2f)", minR), t.tp, t.fp, t.fn, t.tn,
                minP < 0 && minR < 0 ? "" : met ? "  OK" : "  MISSED");
        return met;
    }

    private static void list(String title, List<String> rows) {
        if (!rows.isEmpty()) {
            System.out.println("  -- " + title + " (" + rows.size() + ")");
            rows.forEach(r -> System.out.println("    " + r));
        }
    }
}
