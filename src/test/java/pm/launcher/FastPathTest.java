package pm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pm.cli.Context;
import pm.cli.ExitStatus;
import pm.lint.LintFixture;
import pm.testing.Cli;
import pm.testing.TempGit;

/**
 * {@link FastPath} against picocli: each command line runs once through {@link Main#run} (the fast path when it
 * takes the line) and once through {@link Main#picocli} alone, on the same files, and must give the same exit
 * status, stdout and stderr.
 */
class FastPathTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read",
            "It was human error. The archiver read");
    /** The clean file with a second front-matter item its Action items table does not have: --fix rewrites it. */
    private static final String BEHIND = LintFixture.CLEAN.replace("    status: open\n", """
                status: open
              - title: Move WAL archiving retries behind a circuit breaker
                owner: "@sam"
                due: 2025-04-11
                priority: P2
            """);

    private static Path root;

    /** A command line: the folder it runs in (under the fixture), its environment and its arguments. */
    private record Line(String cwd, Map<String, String> env, List<String> args, boolean fast) {
        @Override
        public String toString() {
            return (cwd.isEmpty() ? "" : "[" + cwd + "] ") + (env.isEmpty() ? "" : env + " ") + "pm "
                    + String.join(" ", args.stream().map(a -> a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a)
                    .toList());
        }
    }

    private record Outcome(int code, String out, String err, boolean fast) {
    }

    @BeforeAll
    static void fixture() throws Exception {
        root = Files.createTempDirectory("pm-fastpath-");
        build();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        delete(root);
    }

    /** The files every command line runs against; made again before each run of a line that may change them. */
    private static void build() throws Exception {
        delete(root);
        Path repo = root.resolve("repo");
        try (Git git = TempGit.init(repo, "Ada")) {
            write(repo, "postmortems/clean.md", LintFixture.CLEAN);
            write(repo, "postmortems/overdue.md", LintFixture.CLEAN.replace("status: published", "status: draft"));
            git.add().addFilepattern("postmortems").call();
            git.commit().setMessage("postmortems").call();
            write(repo, "postmortems/blaming.md", BLAMING);
            git.add().addFilepattern("postmortems/blaming.md").call();
            write(repo, "postmortems/behind.md", BEHIND);
            write(repo, "with space.md", BLAMING);
            write(repo, "a=b.md", BLAMING);
            write(repo, "notes/readme.txt", "not a postmortem\n");
            write(repo, "args.txt", "postmortems/clean.md\n");
        }
        write(root, "nogit/postmortems/a.md", BLAMING);
        write(root, "badcfg/.pm.yml", "lint: [unclosed\n");
        write(root, "badcfg/x.md", LintFixture.CLEAN);
        Files.createDirectories(root.resolve("empty"));
    }

    private static void write(Path dir, String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final List<Line> LINES = new ArrayList<>();

    private static void fast(String... args) {
        LINES.add(new Line("repo", Map.of(), List.of(args), true));
    }

    private static void slow(String... args) {
        LINES.add(new Line("repo", Map.of(), List.of(args), false));
    }

    private static void in(String cwd, boolean fast, String... args) {
        LINES.add(new Line(cwd, Map.of(), List.of(args), fast));
    }

    private static void with(Map<String, String> env, boolean fast, String... args) {
        LINES.add(new Line("repo", env, List.of(args), fast));
    }

    static {
        // pm lint: files, folders, missing and odd paths
        fast("lint");
        fast("lint", "postmortems/clean.md");
        fast("lint", "postmortems/blaming.md");
        fast("lint", "postmortems");
        fast("lint", ".");
        fast("lint", "missing.md");
        fast("lint", "postmortems/clean.md", "missing.md");
        fast("lint", "postmortems/clean.md", "postmortems/blaming.md", "postmortems/clean.md");
        fast("lint", "notes/readme.txt");
        fast("lint", "notes");
        fast("lint", "with space.md");
        fast("lint", "");
        fast("lint", "lint");
        fast("lint", "overdue");
        fast("lint", "..");
        // --staged
        fast("lint", "--staged");
        fast("lint", "--cache");
        fast("lint", "--cache", "postmortems/blaming.md", "--format", "json");
        fast("lint", "--staged", "--cache");
        slow("lint", "--cache", "--cache");
        slow("lint", "--cache-location", "build/cache");
        slow("lint", "--rev", "HEAD");
        fast("lint", "--staged", "postmortems");
        fast("lint", "--staged", "postmortems/blaming.md");
        fast("lint", "--staged", "postmortems/clean.md");
        fast("lint", "postmortems", "--staged");
        fast("lint", "--staged", "..");
        fast("lint", "--staged", "missing");
        fast("lint", "--staged", "--format", "json");
        fast("lint", "--staged", "--format", "sarif");
        fast("lint", "--staged", "--color", "always");
        // --format
        fast("lint", "--format", "json", "postmortems");
        fast("lint", "--format=json", "postmortems");
        fast("lint", "--format", "sarif", "postmortems/blaming.md");
        fast("lint", "--format", "github", "postmortems");
        fast("lint", "--format", "text");
        fast("lint", "--format", "JSON", "postmortems");
        fast("lint", "--format", "Sarif", "postmortems/clean.md");
        fast("lint", "--format", " json ", "postmortems");
        fast("lint", "postmortems", "--format", "github");
        fast("lint", "--format", "checkstyle", "postmortems");
        fast("lint", "--format", "gitlab", "postmortems");
        fast("lint", "--format=junit", "postmortems");
        // rules and standard input go to picocli (no --stdin here: it would read the test JVM's standard input)
        slow("lint", "--list-rules");
        slow("lint", "--explain", "no-secrets");
        slow("lint", "--explain", "no-secret");
        slow("lint", "--stdin-filename", "postmortems/new.md");
        fast("lint", "--format", "json", "missing.md");
        slow("lint", "--format", "xml");
        slow("lint", "--format", "");
        slow("lint", "--format", " ");
        slow("lint", "--format");
        slow("lint", "--format=");
        slow("lint", "--format=xml");
        slow("lint", "--format==json");
        slow("lint", "--format", "json", "--format", "text");
        slow("lint", "--format=json", "--format", "json");
        slow("lint", "--format", "--staged");
        slow("lint", "--format", "-x");
        slow("lint", "--format", "json=1");
        slow("lint", "--Format", "json");
        slow("lint", "--forma", "json");
        slow("lint", "-f", "json");
        // --color
        fast("lint", "--color", "always", "postmortems");
        fast("lint", "--color=never", "postmortems");
        fast("lint", "--color", "ALWAYS", "postmortems/blaming.md");
        fast("lint", "--color", "Never");
        fast("lint", "--color", "auto");
        fast("lint", "--color", "always", "--format", "json", "postmortems");
        slow("lint", "--color", "sometimes");
        slow("lint", "--color");
        slow("lint", "--color=");
        slow("lint", "--color", "alwayſ");
        slow("lint", "--color", " always");
        slow("lint", "--color", "always", "--color", "never");
        // --fix
        fast("lint", "--fix", "postmortems/behind.md");
        fast("lint", "--fix", "postmortems");
        fast("lint", "postmortems/behind.md", "--fix", "--format", "json");
        fast("lint", "--fix", "missing.md");
        slow("lint", "--staged", "--fix");
        slow("lint", "--fix", "--staged", "postmortems");
        slow("lint", "--fix", "--fix");
        slow("lint", "--staged", "--staged");
        slow("lint", "--staged=true");
        slow("lint", "--fix=false");
        // help, version and what only picocli knows
        slow("lint", "--help");
        slow("lint", "-h");
        slow("lint", "--version");
        slow("lint", "-V");
        slow("lint", "--");
        slow("lint", "--", "postmortems");
        slow("lint", "-");
        slow("lint", "-x");
        slow("lint", "--unknown", "postmortems");
        slow("lint", "@args.txt");
        slow("lint", "postmortems/clean.md", "@missing");
        slow("lint", "a=b.md");
        slow("lint", "-hV");
        // other folders
        in("nogit", true, "lint");
        in("nogit", true, "lint", "postmortems/a.md");
        in("nogit", true, "lint", "--staged");
        in("nogit", true, "overdue");
        in("nogit", true, "overdue", "postmortems");
        in("badcfg", true, "lint");
        in("badcfg", true, "lint", "x.md");
        in("badcfg", true, "overdue");
        in("badcfg", false, "lint", "--format", "nope");
        in("empty", true, "lint");
        in("empty", true, "overdue");
        in("repo/postmortems", true, "lint");
        in("repo/postmortems", true, "lint", "clean.md");
        in("repo/postmortems", true, "lint", "--staged");
        in("repo/postmortems", true, "overdue");
        in("repo/postmortems", true, "overdue", ".");
        // environment
        with(Map.of("NO_COLOR", "1"), true, "lint", "--color", "auto", "postmortems");
        with(Map.of("NO_COLOR", "1"), true, "lint", "--color", "always", "postmortems");
        with(Map.of("GIT_DIR", "no-such-dir"), true, "lint", "--staged");
        with(Map.of("GIT_INDEX_FILE", "no-such-index"), true, "lint", "--staged");
        with(Map.of("PM_DEBUG", "1"), true, "lint", "missing.md");
        // pm overdue
        fast("overdue");
        fast("overdue", "postmortems");
        fast("overdue", "missing");
        fast("overdue", "notes");
        fast("overdue", "");
        fast("overdue", "with space.md");
        slow("overdue", "postmortems", "notes");
        slow("overdue", "--format", "json");
        slow("overdue", "--as-of", "2025-06-01");
        slow("overdue", "-x");
        slow("overdue", "--help");
        slow("overdue", "--");
        slow("overdue", "-");
        slow("overdue", "@args.txt");
        slow("overdue", "a=b.md");
        slow("overdue", "--no-git");
        // everything else
        slow();
        slow("");
        slow("--help");
        slow("--version");
        slow("nwe");
        slow("Lint");
        slow("LINT", "postmortems");
        slow("new", "--help");
        slow("init", "--help");
        slow("completion");
    }

    private static Outcome run(Line line, boolean tryFast) throws Exception {
        if (line.args().contains("--fix")) {
            build(); // --fix may have rewritten a file the other run must see as it was
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(root.resolve(line.cwd()), Clock.fixed(Cli.NOW, ZoneOffset.UTC),
                new HashMap<>(line.env()), new PrintWriter(out, true), new PrintWriter(err, true));
        String[] args = line.args().toArray(String[]::new);
        Integer fast = tryFast ? FastPath.run(ctx, args) : null;
        int code = fast != null ? fast : Main.picocli(ctx, args);
        ctx.out().flush();
        ctx.err().flush();
        String where = root.toString();
        return new Outcome(code, out.toString().replace(where, "<root>"), err.toString().replace(where, "<root>"),
                fast != null);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandLineGivesWhatPicocliGives() {
        return LINES.stream().map(line -> DynamicTest.dynamicTest(line.toString(), () -> {
            Outcome fast = run(line, true);
            Outcome picocli = run(line, false);
            assertThat(fast.fast()).as("taken by the fast path").isEqualTo(line.fast());
            assertThat(fast.code()).as("exit status; picocli printed\n" + picocli.out() + picocli.err())
                    .isEqualTo(picocli.code());
            assertThat(fast.out()).as("stdout").isEqualTo(picocli.out());
            assertThat(fast.err()).as("stderr").isEqualTo(picocli.err());
        }));
    }

    @Test
    void theLinesCoverSuccessFindingsAndErrorsOnTheFastPath() throws Exception {
        assertThat(LINES).hasSizeGreaterThanOrEqualTo(100);
        List<Integer> codes = new ArrayList<>();
        for (Line line : LINES) {
            if (line.fast()) {
                codes.add(run(line, true).code());
            }
        }
        assertThat(codes).contains(0, ExitStatus.FINDINGS, ExitStatus.USAGE);
    }

    @Test
    void theFixRunsRewroteTheFileOnTheFastPath() throws Exception {
        build();
        Outcome r = run(new Line("repo", Map.of(), List.of("lint", "--fix", "postmortems/behind.md"), true), true);
        assertThat(r.fast()).isTrue();
        assertThat(r.err()).contains("rewrote the Action items table");
        assertThat(Files.readString(root.resolve("repo/postmortems/behind.md"))).isNotEqualTo(BEHIND);
        build();
    }
}
