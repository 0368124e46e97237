package pm.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pm.cli.Commands;
import pm.cli.Context;

/**
 * pm installed as a user installs it: {@code target/pm-VERSION.tar.gz} into a temporary prefix with
 * {@code src/scripts/install}, run from there (also through a symbolic link on the PATH and from a read-only prefix),
 * its man pages rendered by man, its completions, and {@code --uninstall}. {@code mvn verify} runs it after packaging.
 */
class InstallIT {
    private static final String VERSION = System.getProperty("pm.version", "0.1.0");
    private static final Path TARBALL = Path.of(System.getProperty("pm.tarball", "target/pm-" + VERSION + ".tar.gz"))
            .toAbsolutePath();
    private static final Path INSTALL = Path.of("src/scripts/install").toAbsolutePath();
    private static final Path EXAMPLES = Path.of("src/examples/postmortems").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        /** The text format's summary: the line before the footer that follows it in a run with findings. */
        String summaryLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - (lines[lines.length - 1].equals(pm.report.Report.TEXT_FOOTER) ? 2 : 1)];
        }
    }

    private Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("PM_CACHE_DIR", tmp.resolve("cache").toString());
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().putAll(env);
        pb.environment().values().removeIf(String::isEmpty); // "" in env: not set
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", Arrays.toString(command)).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private Run run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    private Run install(Path prefix, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(INSTALL.toString(), "--prefix", prefix.toString(),
                "--archive", TARBALL.toString()));
        command.addAll(List.of(more));
        return run(command.toArray(String[]::new));
    }

    /** Every file and folder under {@code root}, relative, with a file's size and time (folders: "dir"). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                tree.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return tree;
    }

    @BeforeAll
    static void theTarballIsBuilt() {
        assertThat(TARBALL).as("built by mvn package").isRegularFile();
    }

    @Test
    void theTarballHoldsTheConventionalLayout() throws Exception {
        Run list = run("tar", "-tzvf", TARBALL.toString());
        assertThat(list.code()).isZero();
        String base = "pm-" + VERSION + "/";
        List<String> names = list.out().lines().map(l -> l.substring(l.indexOf(base))).toList();
        assertThat(names).contains(base + "bin/pm", base + "lib/pm.jar", base + "share/man/man1/pm.1",
                base + "share/man/man1/pm-lint.1", base + "share/man/man1/pm-new.1",
                base + "share/bash-completion/completions/pm", base + "share/zsh/site-functions/_pm",
                base + "LICENSE", base + "README.md");
        assertThat(list.out().lines().filter(l -> l.endsWith(base + "bin/pm"))).singleElement()
                .asString().startsWith("-rwxr-xr-x");
    }

    @Test
    void installedPmRunsFromThePrefixAndThroughASymbolicLinkOnThePath() throws Exception {
        Path prefix = tmp.resolve("my prefix");
        Run installed = install(prefix);

        assertThat(installed.code()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("pm " + VERSION + " installed in " + prefix)
                .contains(prefix.resolve("bin/pm").toString())
                .contains(prefix.resolve("bin") + " is NOT on your PATH")
                .contains("export PATH=\"" + prefix.resolve("bin") + ":$PATH\"")
                .contains("Checked: pm " + VERSION);
        assertThat(installed.err()).isEmpty();
        assertThat(prefix.resolve("bin/pm")).isExecutable();
        assertThat(prefix.resolve("lib/pm.jar")).isRegularFile();

        Run version = run(prefix.resolve("bin/pm").toString(), "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("pm " + VERSION + " (Java ");
        Run lint = run(prefix.resolve("bin/pm").toString(), "lint", EXAMPLES.toString());
        assertThat(lint.code()).as(lint.toString()).isEqualTo(1);
        assertThat(lint.summaryLine()).matches("\\d+ errors?, \\d+ warnings? in 1 of 2 files; .*");
        assertThat(lint.err()).isEmpty();

        // ln -s PREFIX/bin/pm ~/bin/pm, with ~/bin on the PATH: the link finds PREFIX/lib/pm.jar
        Path links = Files.createDirectories(tmp.resolve("home/bin"));
        Files.createSymbolicLink(links.resolve("pm"), prefix.resolve("bin/pm"));
        Map<String, String> path = Map.of("PATH", links + ":" + System.getenv("PATH"));
        for (int i = 0; i < 2; i++) { // the second run trusts the link note the first one left
            Run viaLink = run(path, "sh", "-c", "pm --version && pm lint \"$0\"", EXAMPLES.toString());
            assertThat(viaLink.code()).as(viaLink.toString()).isEqualTo(1);
            assertThat(viaLink.out()).startsWith("pm " + VERSION).isEqualTo(version.out() + lint.out());
            assertThat(viaLink.err()).isEmpty();
        }

        // installing again with its bin on the PATH: an upgrade in place, which says so
        Run again = run(Map.of("PATH", prefix.resolve("bin") + ":" + System.getenv("PATH")), INSTALL.toString(),
                "--prefix", prefix.toString(), "--archive", TARBALL.toString());
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains(prefix.resolve("bin") + " is on your PATH");
    }

    @Test
    void targetPmWorksThroughASymbolicLinkOnThePath() throws Exception {
        Path targetPm = Path.of(System.getProperty("pm.launcher", "target/pm")).toAbsolutePath();
        Path links = Files.createDirectories(tmp.resolve("home/bin"));
        Files.createSymbolicLink(links.resolve("pm"), targetPm); // what the README's Quick start invites

        Run r = run(Map.of("PATH", links + ":" + System.getenv("PATH")), "sh", "-c", "pm --version");

        assertThat(r.err()).doesNotContain("Unable to access jarfile").isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("pm " + VERSION);
    }

    @Test
    void fromAReadOnlyPrefixTheClassDataArchiveIsMadeInTheCacheAndUsed() throws Exception {
        Path prefix = tmp.resolve("ro");
        assertThat(install(prefix).code()).isZero();
        Path cache = tmp.resolve("fresh cache");
        Map<String, String> before = tree(prefix);
        makeReadOnly(prefix, true);
        try {
            Map<String, String> env = new HashMap<>(Map.of("PM_CACHE_DIR", cache.toString()));
            List<String> pm = readOnlyCommand(prefix, prefix.resolve("bin/pm").toString(), "lint",
                    EXAMPLES.toString());
            Run first = run(env, pm.toArray(String[]::new)); // trains the archive
            assertThat(first.code()).as(first.toString()).isEqualTo(1);
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith("pm-") && (n.endsWith(".jsa") || n.endsWith(".aot")));
            }
            // -Xshare:on: the JVM stops with an error unless it maps the archive the launcher names
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            Run second = run(env, pm.toArray(String[]::new));
            assertThat(second.code()).as(second.toString()).isEqualTo(1);
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(second.err()).doesNotContain("shared archive").doesNotContain("Error");
        } finally {
            makeReadOnly(prefix, false);
        }
        assertThat(tree(prefix)).as("pm wrote nothing under its prefix").isEqualTo(before);
    }

    /**
     * The command run with {@code prefix} read-only: chmod does that for a user; root ignores modes, so as root the
     * command runs in its own mount namespace with the prefix bind-mounted read-only (unshare, as CI has).
     */
    private List<String> readOnlyCommand(Path prefix, String... command) throws Exception {
        List<String> out = new ArrayList<>();
        if (isRoot() && run("unshare", "-m", "true").code() == 0) {
            out.addAll(List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && shift && exec \"$@\"",
                    prefix.toString(), "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private boolean isRoot() throws Exception {
        return run("id", "-u").out().strip().equals("0");
    }

    private static void makeReadOnly(Path prefix, boolean readOnly) throws IOException {
        try (Stream<Path> all = Files.walk(prefix)) {
            for (Path p : all.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(readOnly ? "r-xr-xr-x" : "rwxr-xr-x"));
            }
        }
    }

    @Test
    void uninstallRemovesExactlyWhatItInstalled() throws Exception {
        Path prefix = Files.createDirectories(tmp.resolve("shared prefix"));
        Files.createDirectories(prefix.resolve("bin"));
        Files.writeString(prefix.resolve("bin/other-tool"), "#!/bin/sh\n"); // someone else's, before pm
        Files.createDirectories(prefix.resolve("share/man/man1"));
        Files.writeString(prefix.resolve("share/man/man1/other.1"), ".TH OTHER 1\n");
        Map<String, String> before = tree(prefix);

        assertThat(install(prefix).code()).isZero();
        Path manifest = prefix.resolve("share/pm/install-manifest");
        Set<String> listed = Files.readAllLines(manifest).stream().filter(l -> l.startsWith("f "))
                .map(l -> l.split(" ", 4)[3]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> added = new TreeSet<>(tree(prefix).keySet());
        added.removeAll(before.keySet());
        added.removeIf(p -> Files.isDirectory(prefix.resolve(p)));
        added.remove("share/pm/install-manifest");
        assertThat(listed).as("the manifest lists every file the install added").isEqualTo(added)
                .contains("bin/pm", "lib/pm.jar", "share/man/man1/pm.1");

        Path other = Files.writeString(prefix.resolve("share/pm/notes.txt"), "the user's, after pm");
        Run removed = run(INSTALL.toString(), "--uninstall", "--prefix", prefix.toString());

        assertThat(removed.code()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("pm removed from " + prefix + ": " + listed.size() + " files");
        Map<String, String> expected = new TreeMap<>(before);
        expected.put("share/pm", "dir"); // holds a file that is not pm's: stays, with it
        expected.put("share/pm/notes.txt", tree(prefix).get("share/pm/notes.txt"));
        assertThat(tree(prefix)).isEqualTo(expected);
        Files.delete(other);

        Run nothing = run(INSTALL.toString(), "--uninstall", "--prefix", prefix.toString());
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("install: no pm installed by this script in " + prefix).hasLineCount(1);
    }

    @Test
    void installNeverOverwritesAFileItDidNotInstall() throws Exception {
        Path prefix = tmp.resolve("taken");
        Files.createDirectories(prefix.resolve("bin"));
        Files.writeString(prefix.resolve("bin/pm"), "#!/bin/sh\necho another pm\n");

        Run r = install(prefix);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("install: " + prefix.resolve("bin/pm")
                + " exists and was not installed by this script: move it away or choose another --prefix\n");
        assertThat(Files.readString(prefix.resolve("bin/pm"))).contains("another pm");
        assertThat(prefix.resolve("lib")).doesNotExist();
    }

    @Test
    void oneManPagePerCommandRenderedByManWithoutWarnings() throws Exception {
        Path prefix = tmp.resolve("man prefix");
        assertThat(install(prefix).code()).isZero();
        Path man1 = prefix.resolve("share/man/man1");
        Set<String> expected = new TreeSet<>();
        pages(Commands.all(Context.system()), expected);
        try (Stream<Path> files = Files.list(man1)) {
            Set<String> found = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).isEqualTo(expected).contains("pm.1", "pm-lint.1", "pm-new.1", "pm-hook-install.1");
        }
        boolean hasMan = run("sh", "-c", "command -v man").code() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(hasMan,
                "man is not installed (Debian: apt-get install man-db): the pages were not rendered");
        for (String page : expected) {
            Run r = run(Map.of("MANWIDTH", "80"), "man", "--warnings", "-l", man1.resolve(page).toString());
            assertThat(r.err()).as(page).isEmpty();
            assertThat(r.code()).as(page).isZero();
            String name = page.substring(0, page.length() - 2);
            assertThat(r.out()).as(page).contains("NAME").contains(name + " - ").contains("SYNOPSIS")
                    .contains("pm " + VERSION);
        }
        Run lint = run(Map.of("MANWIDTH", "80"), "man", "-l", man1.resolve("pm-lint.1").toString());
        assertThat(lint.out()).as("the options of pm lint --help").contains("--staged").contains("--format");
        // man finds PREFIX/share/man by itself once PREFIX/bin is on the PATH (man-db maps bin to ../share/man)
        Run byName = run(Map.of("MANWIDTH", "80", "MANPATH", "", "PATH", prefix.resolve("bin") + ":"
                + System.getenv("PATH")),
                "sh", "-c", "man pm-lint");
        assertThat(byName.out()).as(byName.err()).isEqualTo(lint.out());
    }

    /** The man page names picocli gives a command and its visible subcommands: pm.1, pm-lint.1, pm-hook-install.1. */
    private static void pages(CommandLine cl, Set<String> into) {
        into.add(cl.getCommandSpec().qualifiedName("-") + ".1");
        for (CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                pages(sub, into);
            }
        }
    }

    @Test
    void theCompletionFilesAreWhatPmCompletionPrintsAndCompleteInBash() throws Exception {
        Path prefix = tmp.resolve("completion prefix");
        assertThat(install(prefix).code()).isZero();
        Path bash = prefix.resolve("share/bash-completion/completions/pm");
        Run printed = run(prefix.resolve("bin/pm").toString(), "completion");
        assertThat(printed.code()).isZero();
        assertThat(Files.readString(bash)).isEqualTo(printed.out());

        Run completed = run("bash", "-c", "source \"$0\"; COMP_WORDS=(pm li); COMP_CWORD=1; COMP_LINE='pm li'; "
                + "COMP_POINT=5; _complete_pm pm li pm; printf '%s\\n' \"${COMPREPLY[@]}\"", bash.toString());
        assertThat(completed.code()).as(completed.toString()).isZero();
        assertThat(completed.out().lines()).contains("lint");
        Run options = run("bash", "-c", "source \"$0\"; COMP_WORDS=(pm lint --for); COMP_CWORD=2; "
                + "COMP_LINE='pm lint --for'; COMP_POINT=13; _complete_pm pm --for lint; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"", bash.toString());
        assertThat(options.out().lines()).contains("--format");

        List<String> zsh = Files.readAllLines(prefix.resolve("share/zsh/site-functions/_pm"));
        assertThat(zsh.get(0)).isEqualTo("#compdef pm");
        assertThat(String.join("\n", zsh)).contains(printed.out().strip())
                .contains("autoload -U +X bashcompinit && bashcompinit");
        assertThat(zsh.get(zsh.size() - 1)).isEqualTo("_bash_complete -o default -F _complete_pm \"$@\"");
    }
}
