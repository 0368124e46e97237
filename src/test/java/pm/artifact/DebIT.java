package pm.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package {@code src/scripts/deb} makes ({@code target/pm_VERSION-1_ARCH.deb}), unpacked with
 * {@code dpkg-deb -x} and run with no JDK on the PATH: its bundled runtime runs pm, from a read-only place, with the
 * class-data archive in the user's cache. Only {@code mvn verify -Pdeb} runs it (building the package takes about a
 * minute more than the rest of the build); CI does.
 */
class DebIT {
    private static final String VERSION = System.getProperty("pm.version", "0.1.0");
    private static final Path EXAMPLES = Path.of("src/examples/postmortems").toAbsolutePath();

    @TempDir
    static Path tmp;
    static Path root;
    static Path deb;

    record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", Arrays.toString(command)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void unpack() throws Exception {
        Assumptions.assumeTrue(run(Map.of(), "sh", "-c", "command -v dpkg-deb").code() == 0,
                "dpkg-deb is missing (Debian's dpkg package): the .deb was not unpacked and tested");
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("pm_" + VERSION.replace(".", "\\.")
                    + "-1_[a-z0-9]+\\.deb")).toList();
            assertThat(debs).as("built by mvn verify -Pdeb (src/scripts/deb)").hasSize(1);
            deb = debs.get(0).toAbsolutePath();
        }
        root = tmp.resolve("root");
        Run x = run(Map.of(), "dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(x.code()).as(x.toString()).isZero();
    }

    @Test
    void thePackageHoldsPmItsRuntimeTheCommandOnThePathManPagesAndCompletions() throws Exception {
        assertThat(root.resolve("opt/pm/bin/pm")).isExecutable();
        assertThat(Files.readString(root.resolve("opt/pm/bin/pm"))).startsWith("#!/bin/sh\n# pm launcher");
        assertThat(root.resolve("opt/pm/lib/app/pm.jar")).isRegularFile();
        assertThat(root.resolve("opt/pm/lib/runtime/bin/java")).isExecutable();
        assertThat(root.resolve("opt/pm/lib/runtime/lib/server/classes.jsa")).as("the CDS base archive").isRegularFile();
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/pm"))).isEqualTo(Path.of("/opt/pm/bin/pm"));
        assertThat(root.resolve("usr/share/man/man1/pm.1.gz")).isRegularFile();
        assertThat(root.resolve("usr/share/man/man1/pm-lint.1.gz")).isRegularFile();
        assertThat(root.resolve("usr/share/bash-completion/completions/pm")).isRegularFile();
        assertThat(root.resolve("usr/share/zsh/vendor-completions/_pm")).isRegularFile();

        Run info = run(Map.of(), "dpkg-deb", "-f", deb.toString(), "Package", "Version", "Installed-Size");
        assertThat(info.out()).contains("Package: pm").contains("Version: " + VERSION);
        Run depends = run(Map.of(), "dpkg-deb", "-f", deb.toString(), "Depends");
        assertThat(depends.out()).as("a command-line tool needs no X11, sound or font libraries").contains("libc6")
                .doesNotContain("libx11").doesNotContain("libasound").doesNotContain("libfreetype");
        Run contents = run(Map.of(), "dpkg-deb", "-c", deb.toString());
        assertThat(contents.out().lines().filter(l -> l.endsWith("./usr/bin/pm -> /opt/pm/bin/pm"))).singleElement()
                .asString().contains("root/root");
    }

    @Test
    void theUnpackedPackageRunsPmWithItsOwnRuntimeReadOnlyAndWithTheArchive() throws Exception {
        // a PATH with the programs the launcher may use and no java: only the bundled runtime can run pm
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String name : List.of("sh", "cksum", "readlink", "mkdir", "mv", "rm", "cat", "dirname")) {
            Run where = run(Map.of(), "sh", "-c", "command -v " + name);
            Files.createSymbolicLink(tools.resolve(name), Path.of(where.out().strip()));
        }
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("pm"), root.resolve("opt/pm/bin/pm")); // as /usr/bin/pm is
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("PATH", links + ":" + tools, "PM_CACHE_DIR", cache.toString(),
                "JAVA_HOME", tmp.resolve("no jdk here").toString());
        Map<String, String> before = tree(root);
        Run chmod = run(Map.of(), "chmod", "-R", "a-w", root.toString());
        assertThat(chmod.code()).isZero();
        try {
            Run version = run(env, readOnly("sh", "-c", "pm --version"));
            assertThat(version.err()).isEmpty();
            assertThat(version.code()).isZero();
            assertThat(version.out()).startsWith("pm " + VERSION + " (Java ");

            // through sh: the PATH above finds pm (ProcessBuilder would look in this JVM's PATH)
            List<String> lint = List.of(readOnly("sh", "-c", "pm lint \"$0\"", EXAMPLES.toString()));
            Run r = run(env, lint.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).contains("2025-02-02-cache-stampede.md:").doesNotContain("payment-api-outage.md:");
            assertThat(r.err()).isEmpty();
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("the launcher made a class-data archive with the bundled runtime, in the cache")
                        .anyMatch(n -> n.startsWith("pm-") && (n.endsWith(".jsa") || n.endsWith(".aot")));
            }
            Map<String, String> strict = new java.util.HashMap<>(env);
            strict.put("JAVA_TOOL_OPTIONS", "-Xshare:on"); // the JVM stops unless it maps the archive
            Run again = run(strict, lint.toArray(String[]::new));
            assertThat(again.code()).as(again.toString()).isEqualTo(1);
            assertThat(again.out()).isEqualTo(r.out());
        } finally {
            run(Map.of(), "chmod", "-R", "u+w", root.toString());
        }
        assertThat(tree(root)).as("pm wrote nothing where it is installed").isEqualTo(before);
    }

    /**
     * The command, run with the unpacked package read-only: chmod does that for a user; root ignores modes, so as root
     * it runs in its own mount namespace with the package's folder bind-mounted read-only (unshare, as CI has).
     */
    private static String[] readOnly(String... command) throws Exception {
        List<String> out = new ArrayList<>();
        boolean root = run(Map.of(), "id", "-u").out().strip().equals("0");
        if (root && run(Map.of(), "unshare", "-m", "true").code() == 0) {
            String sh = run(Map.of(), "sh", "-c", "command -v sh").out().strip();
            String mount = run(Map.of(), "sh", "-c", "command -v mount").out().strip();
            out.addAll(List.of("unshare", "-m", sh, "-c", mount + " --bind \"$0\" \"$0\" && " + mount
                    + " -o remount,bind,ro \"$0\" \"$0\" && shift && exec \"$@\"", DebIT.root.toString(), "--"));
        }
        out.addAll(List.of(command));
        return out.toArray(String[]::new);
    }

    /** Every file and folder under {@code dir}, relative, with a file's size and time. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> tree = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(p -> !p.equals(dir)).toList()) {
                tree.put(dir.relativize(p).toString(), Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        ? "dir" : Files.isSymbolicLink(p) ? "link" : Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return tree;
    }
}
