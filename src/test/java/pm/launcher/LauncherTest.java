package pm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code src/main/sh/pm}, run with {@code sh} from a folder whose path has spaces.
 * Most tests give it a fake JDK whose {@code java} records how it was called; the last ones run a real
 * JVM on a tiny jar.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("src/main/sh/pm");
    private static final String[] USER_ARGS = {"lint", "a file.md", "", "*", "$HOME", "it's \"quoted\""};

    @TempDir
    Path tmp;
    Path bin;
    Path jar;
    Path work;
    Path cache;
    Path log;
    Path jdk17;
    Path jdk25;

    @BeforeEach
    void install() throws IOException {
        Path root = tmp.resolve("my tools");
        bin = Files.createDirectories(root.resolve("pm bin"));
        Files.copy(SCRIPT, bin.resolve("pm"));
        jar = bin.resolve("pm.jar");
        Files.writeString(jar, "jar version 1");
        work = Files.createDirectories(root.resolve("work dir"));
        cache = root.resolve("cache dir");
        log = root.resolve("java calls.log");
        jdk17 = fakeJdk(root.resolve("jdk 17"), "17.0.15");
        jdk25 = fakeJdk(root.resolve("jdk 25"), "25.0.3");
    }

    /**
     * A JDK whose java logs its working directory and arguments, writes the archive it is asked to make
     * (unless FAKE_NO_ARCHIVE is set), prints one line on each stream and exits with FAKE_EXIT.
     */
    private Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                { echo "cwd=$(pwd)"; for a in "$@"; do echo "arg=$a"; done; echo "end"; } >>"$FAKE_LOG"
                for a in "$@"; do
                    case $a in
                    -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*)
                        [ -n "${FAKE_NO_ARCHIVE:-}" ] || echo archive >"${a#*=}" ;;
                    esac
                done
                echo java-out
                echo java-err >&2
                exit "${FAKE_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Run(int code, String out, String err) {
    }

    private record Call(String cwd, List<String> args) {
        /** The arguments after {@code -jar <jar>}: what pm itself receives. */
        List<String> pmArgs() {
            return args.subList(args.indexOf("-jar") + 2, args.size());
        }

        List<String> jvmArgs() {
            return args.subList(0, args.indexOf("-jar"));
        }
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        return runScript(bin.resolve("pm"), env, args);
    }

    /** Runs a launcher script with sh from the work folder, with only the given environment and HOME. */
    private Run runScript(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().putAll(env);
        pb.environment().values().removeIf(String::isEmpty);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    private Map<String, String> env(Path jdk) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA", jdk.resolve("bin/java").toString());
        env.put("PM_CACHE_DIR", cache.toString());
        return env;
    }

    /** The java calls since the last time this was asked, and forgets them. */
    private List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        if (!Files.exists(log)) {
            return calls;
        }
        String cwd = null;
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("cwd=")) {
                cwd = line.substring(4);
                args = new ArrayList<>();
            } else if (line.startsWith("arg=")) {
                args.add(line.substring(4));
            } else if (line.equals("end")) {
                calls.add(new Call(cwd, args));
            }
        }
        Files.delete(log);
        return calls;
    }

    /** The archives and marks in the cache; not the launcher's notes. */
    private List<Path> cacheFiles() throws IOException {
        return cacheFiles(false);
    }

    /** The launcher's notes in the cache (launch-* for a jar, link-* for a symbolic link). */
    private List<Path> notes() throws IOException {
        return cacheFiles(true);
    }

    private List<Path> cacheFiles(boolean notes) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> isNote(p.getFileName().toString()) == notes).sorted().toList();
        }
    }

    private static boolean isNote(String name) {
        return name.startsWith("launch-") || name.startsWith("link-");
    }

    private static String flag(Call call, String prefix) {
        return call.jvmArgs().stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    @Test
    void firstRunTrainsOnTheBuiltInCommandThenRunsTheUsersCommandWithTheArchive() throws Exception {
        Run r = run(env(jdk17), USER_ARGS);

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("java-out\n");
        assertThat(r.err()).isEqualTo("java-err\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        Call train = calls.get(0);
        assertThat(train.pmArgs()).containsExactly("__train");
        assertThat(train.cwd()).isEqualTo("/");
        assertThat(train.args()).containsSequence("-jar", jar.toString());
        assertThat(flag(train, "-XX:ArchiveClassesAtExit=")).startsWith(cache + "/pm-").endsWith(".tmp");

        Call user = calls.get(1);
        assertThat(user.cwd()).isEqualTo(work.toString());
        assertThat(user.pmArgs()).containsExactly(USER_ARGS);
        assertThat(user.jvmArgs()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        String archive = flag(user, "-XX:SharedArchiveFile=");
        assertThat(archive).startsWith(cache + "/pm-").endsWith(".jsa");
        assertThat(cacheFiles()).containsExactly(Path.of(archive));
    }

    @Test
    void laterRunsUseTheArchiveWithoutTraining() throws Exception {
        run(env(jdk17), "--version");
        String archive = flag(calls().get(1), "-XX:SharedArchiveFile=");

        Run r = run(env(jdk17), USER_ARGS);

        assertThat(r.out()).isEqualTo("java-out\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isEqualTo(archive);
        assertThat(calls.get(0).pmArgs()).containsExactly(USER_ARGS);
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneIsRemoved() throws Exception {
        run(env(jdk17), "--version");
        String before = flag(calls().get(1), "-XX:SharedArchiveFile=");

        Files.writeString(jar, "jar version 2"); // same size, new content
        run(env(jdk17), "--version");

        assertRetrainedInto(before);
    }

    @Test
    void anotherJdkGetsItsOwnArchiveAndJdk25AndNewerAnAotCache() throws Exception {
        run(env(jdk17), "--version");
        String jsa = flag(calls().get(1), "-XX:SharedArchiveFile=");

        Run r = run(env(jdk25), USER_ARGS);

        assertThat(r.out()).isEqualTo("java-out\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        assertThat(flag(calls.get(0), "-XX:AOTCacheOutput=")).startsWith(cache + "/pm-").endsWith(".tmp");
        assertThat(flag(calls.get(0), "-XX:ArchiveClassesAtExit=")).isNull();
        String aot = flag(calls.get(1), "-XX:AOTCache=");
        assertThat(aot).endsWith(".aot");
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).isNull();
        assertThat(calls.get(1).pmArgs()).containsExactly(USER_ARGS);
        assertThat(cacheFiles()).containsExactlyInAnyOrder(Path.of(jsa), Path.of(aot));
    }

    @Test
    void aNewJdkReleaseInTheSamePlaceGetsANewArchive() throws Exception {
        run(env(jdk17), "--version");
        String before = flag(calls().get(1), "-XX:SharedArchiveFile=");

        Files.writeString(jdk17.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.16\"\n");
        run(env(jdk17), "--version");

        List<Call> calls = calls();
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).isNotEqualTo(before);
    }

    @Test
    void hugePagesAreAskedForOnlyWhenTheKernelGivesThemOnRequest() throws Exception {
        Path setting = tmp.resolve("thp enabled");
        Map<String, String> env = env(jdk17);
        env.put("PM_THP_FILE", setting.toString());
        Map<String, Boolean> asks = new java.util.LinkedHashMap<>();
        for (String kernel : List.of("always [madvise] never", "[always] madvise never", "always madvise [never]",
                "(none: no such file)")) {
            Files.deleteIfExists(setting);
            if (kernel.contains("[")) {
                Files.writeString(setting, kernel + "\n");
            }
            run(env, "--version");
            List<Call> calls = calls();
            assertThat(calls).isNotEmpty();
            asks.put(kernel, calls.get(calls.size() - 1).jvmArgs().contains("-XX:+UseTransparentHugePages"));
        }
        assertThat(asks).containsExactly(java.util.Map.entry("always [madvise] never", true),
                java.util.Map.entry("[always] madvise never", false),
                java.util.Map.entry("always madvise [never]", false),
                java.util.Map.entry("(none: no such file)", false));
    }

    @Test
    void exitStatusPassesThroughUnchanged() throws Exception {
        Map<String, String> env = env(jdk17);
        for (int status : new int[] {0, 1, 2, 3}) {
            env.put("FAKE_EXIT", Integer.toString(status));
            assertThat(run(env, "lint").code()).isEqualTo(status);
        }
    }

    @Test
    void anUnwritableCacheFolderMeansNoArchiveAndNoMessage() throws Exception {
        Path blocker = tmp.resolve("not a folder");
        Files.writeString(blocker, "a file where the cache folder would be");
        Map<String, String> env = env(jdk17);
        env.put("PM_CACHE_DIR", blocker.resolve("pm").toString());
        env.put("FAKE_EXIT", "1");

        Run r = run(env, USER_ARGS);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("java-out\n");
        assertThat(r.err()).isEqualTo("java-err\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).pmArgs()).containsExactly(USER_ARGS);
        assertThat(String.join(" ", calls.get(0).jvmArgs())).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit").doesNotContain("AOT");
    }

    @Test
    void whenTrainingMakesNoArchivePmRunsWithoutOneAndDoesNotRetryEveryTime() throws Exception {
        Map<String, String> env = env(jdk17);
        env.put("FAKE_NO_ARCHIVE", "1");

        Run first = run(env, USER_ARGS);
        List<Call> firstCalls = calls();
        Run second = run(env, USER_ARGS);
        List<Call> secondCalls = calls();

        assertThat(first.out()).isEqualTo("java-out\n");
        assertThat(firstCalls).hasSize(2);
        assertThat(flag(firstCalls.get(1), "-XX:SharedArchiveFile=")).isNull();
        assertThat(firstCalls.get(1).pmArgs()).containsExactly(USER_ARGS);
        assertThat(second.out()).isEqualTo("java-out\n");
        assertThat(secondCalls).hasSize(1);
        assertThat(flag(secondCalls.get(0), "-XX:SharedArchiveFile=")).isNull();
        assertThat(cacheFiles()).noneMatch(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".tmp"));
    }

    @Test
    void aJdkWithoutAReadableVersionRunsWithoutArchive() throws Exception {
        Files.delete(jdk17.resolve("release"));

        Run r = run(env(jdk17), USER_ARGS);

        assertThat(r.out()).isEqualTo("java-out\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).pmArgs()).containsExactly(USER_ARGS);
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void pmArchiveOffRunsWithoutArchive() throws Exception {
        Map<String, String> env = env(jdk17);
        env.put("PM_ARCHIVE", "off");

        run(env, "--version");

        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isNull();
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void theCacheIsInXdgCacheHomeElseHomeDotCache() throws Exception {
        Map<String, String> env = env(jdk17);
        env.remove("PM_CACHE_DIR");
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg cache").toString());
        run(env, "--version");
        assertThat(flag(calls().get(1), "-XX:SharedArchiveFile=")).startsWith(tmp.resolve("xdg cache/pm/pm-") + "");

        env.remove("XDG_CACHE_HOME");
        run(env, "--version");
        assertThat(flag(calls().get(1), "-XX:SharedArchiveFile=")).startsWith(tmp.resolve("home/.cache/pm/pm-") + "");
    }

    @Test
    void javaHomeIsUsedWhenJavaIsNotSet() throws Exception {
        Map<String, String> env = env(jdk25);
        env.remove("JAVA");
        env.put("JAVA_HOME", jdk25.toString());

        Run r = run(env, "--version");

        assertThat(r.out()).isEqualTo("java-out\n");
        assertThat(flag(calls().get(1), "-XX:AOTCache=")).endsWith(".aot");
    }

    /**
     * Programs the launcher may run (cksum, readlink, mkdir, ...) put first on PATH, each logging its name
     * to {@code programs.log} before running the real one.
     */
    private Map<String, String> loggingPrograms(Map<String, String> env) throws IOException {
        Path tools = Files.createDirectories(tmp.resolve("logging tools"));
        for (String name : List.of("cksum", "readlink", "mkdir", "mv", "rm", "cat", "dirname", "basename", "pwd")) {
            Path tool = tools.resolve(name);
            Files.writeString(tool, "#!/bin/sh\necho " + name + " >>\"$PROGRAMS_LOG\"\nPATH=$REAL_PATH exec " + name
                    + " \"$@\"\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> out = new HashMap<>(env);
        out.put("PATH", tools + ":" + env.getOrDefault("PATH", System.getenv("PATH")));
        out.put("REAL_PATH", env.getOrDefault("PATH", System.getenv("PATH")));
        out.put("PROGRAMS_LOG", tmp.resolve("programs.log").toString());
        return out;
    }

    /** The programs run since the last time this was asked, and forgets them. */
    private List<String> programs() throws IOException {
        Path file = tmp.resolve("programs.log");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file);
        Files.delete(file);
        return lines;
    }

    @Test
    void laterRunsStartNoProgramBeforeJava() throws Exception {
        Map<String, String> env = loggingPrograms(env(jdk17));
        run(env, "--version");
        assertThat(programs()).contains("cksum");
        String archive = flag(calls().get(1), "-XX:SharedArchiveFile=");
        assertThat(notes()).hasSize(1);

        Run r = run(env, USER_ARGS);

        assertThat(programs()).isEmpty();
        assertThat(r.out()).isEqualTo("java-out\n");
        assertThat(r.err()).isEqualTo("java-err\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isEqualTo(archive);
        assertThat(calls.get(0).pmArgs()).containsExactly(USER_ARGS);
    }

    @Test
    void aJarRebuiltInTheSameClockTickAsTheNoteIsNotTakenForTheOldOne() throws Exception {
        Map<String, String> env = loggingPrograms(env(jdk17));
        run(env, "--version");
        String before = flag(calls().get(1), "-XX:SharedArchiveFile=");
        Path note = notes().get(0);

        Files.writeString(jar, "jar version 2"); // same size, new content, and the note's very time
        Files.setLastModifiedTime(jar, Files.getLastModifiedTime(note));
        run(env, "--version");

        assertRetrainedInto(before);
    }

    @Test
    void aTouchedJarIsCheckedAgainAndKeepsItsArchive() throws Exception {
        Map<String, String> env = loggingPrograms(env(jdk17));
        run(env, "--version");
        String archive = flag(calls().get(1), "-XX:SharedArchiveFile=");
        programs();

        Thread.sleep(20);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 10));
        run(env, "--version"); // the jar is newer than the note: its checksum is worked out again
        assertThat(programs()).contains("cksum");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isEqualTo(archive);

        run(env, "--version"); // the new note vouches for the touched jar
        assertThat(programs()).isEmpty();
        assertThat(flag(calls().get(0), "-XX:SharedArchiveFile=")).isEqualTo(archive);
    }

    @Test
    void switchingJdksUsesEachOnesArchiveWithoutTrainingAgain() throws Exception {
        run(env(jdk17), "--version");
        String jsa = flag(calls().get(1), "-XX:SharedArchiveFile=");
        run(env(jdk25), "--version");
        String aot = flag(calls().get(1), "-XX:AOTCache=");

        run(env(jdk17), "--version");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isEqualTo(jsa);
        run(env(jdk25), "--version");
        calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(flag(calls.get(0), "-XX:AOTCache=")).isEqualTo(aot);
        assertThat(notes()).hasSize(1);
    }

    @Test
    void aJavaOnPathThatNowLeadsToAnotherJdkIsNotTakenForTheNotedOne() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("path bin"));
        Path java = links.resolve("java");
        Files.createSymbolicLink(java, jdk17.resolve("bin/java"));
        Map<String, String> env = env(jdk17);
        env.remove("JAVA");
        env.put("PATH", links + ":" + System.getenv("PATH"));
        run(env, "--version");
        assertThat(flag(calls().get(1), "-XX:SharedArchiveFile=")).endsWith(".jsa");
        run(env, "--version");
        assertThat(calls()).hasSize(1);

        Files.delete(java);
        Files.createSymbolicLink(java, jdk25.resolve("bin/java"));
        run(env, "--version");

        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        assertThat(flag(calls.get(1), "-XX:AOTCache=")).endsWith(".aot");
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).isNull();
    }

    @Test
    void aJdkReleaseChangedInPlaceWithAnOldTimeIsSeenInTheNote() throws Exception {
        run(env(jdk17), "--version");
        String before = flag(calls().get(1), "-XX:SharedArchiveFile=");
        java.nio.file.attribute.FileTime old = Files.getLastModifiedTime(jdk17.resolve("release"));

        Files.writeString(jdk17.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.16\"\n");
        Files.setLastModifiedTime(jdk17.resolve("release"), old); // as a package manager may leave it
        run(env(jdk17), "--version");

        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).isNotEqualTo(before);
    }

    @Test
    void aDeletedArchiveIsMadeAgain() throws Exception {
        run(env(jdk17), "--version");
        String archive = flag(calls().get(1), "-XX:SharedArchiveFile=");
        Files.delete(Path.of(archive));

        run(env(jdk17), "--version");

        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).isEqualTo(archive);
    }

    @Test
    void whenNoArchiveCanBeMadeTheNoteSaysSoAndLaterRunsStartNoProgram() throws Exception {
        Map<String, String> env = loggingPrograms(env(jdk17));
        env.put("FAKE_NO_ARCHIVE", "1");
        run(env, USER_ARGS);
        calls();
        programs();

        Run r = run(env, USER_ARGS);

        assertThat(programs()).isEmpty();
        assertThat(r.out()).isEqualTo("java-out\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(String.join(" ", calls.get(0).jvmArgs())).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void twoInstallsSharingACacheKeepANoteEach() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other install"));
        Files.copy(SCRIPT, other.resolve("pm"));
        Files.writeString(other.resolve("pm.jar"), "another jar");
        Map<String, String> env = loggingPrograms(env(jdk17));
        run(env, "--version");
        runScript(other.resolve("pm"), env, "--version");
        calls();
        programs();

        run(env, "--version");
        runScript(other.resolve("pm"), env, "--version");

        assertThat(programs()).isEmpty();
        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).args()).containsSequence("-jar", jar.toString());
        assertThat(calls.get(1).args()).containsSequence("-jar", other.resolve("pm.jar").toString());
        assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isNotEqualTo(flag(calls.get(1),
                "-XX:SharedArchiveFile="));
        assertThat(notes()).hasSize(2);
    }

    @Test
    void anUnwritableCacheFolderStillRunsTheSameEveryTime() throws Exception {
        Path blocker = tmp.resolve("not a folder");
        Files.writeString(blocker, "a file where the cache folder would be");
        Map<String, String> env = env(jdk17);
        env.put("PM_CACHE_DIR", blocker.resolve("pm").toString());
        for (int i = 0; i < 2; i++) {
            Run r = run(env, USER_ARGS);
            assertThat(r.out()).isEqualTo("java-out\n");
            assertThat(r.err()).isEqualTo("java-err\n");
            List<Call> calls = calls();
            assertThat(calls).hasSize(1);
            assertThat(String.join(" ", calls.get(0).jvmArgs())).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
        }
        assertThat(Files.readString(blocker)).isEqualTo("a file where the cache folder would be");
    }

    @Test
    void theLauncherFindsItsJarWhenCalledByARelativePath() throws Exception {
        run(env(jdk17), "--version");
        calls();
        Map<String, String> env = env(jdk17);
        for (String path : List.of("../pm bin/pm", "./../pm bin/pm", "../pm bin//pm")) {
            Run r = runScript(Path.of(path), env, "--version");
            assertThat(r.out()).isEqualTo("java-out\n");
            List<Call> calls = calls();
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).args()).containsSequence("-jar", jar.toString());
            assertThat(flag(calls.get(0), "-XX:SharedArchiveFile=")).isNotNull();
        }
    }

    @Test
    void throughSymbolicLinksOnThePathTheJarNextToTheLinkedScriptIsUsed() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("home/bin dir"));
        Path absolute = Files.createSymbolicLink(links.resolve("pm"), bin.resolve("pm"));
        Path relative = Files.createSymbolicLink(links.resolve("pm-rel"), links.relativize(bin.resolve("pm")));
        Path chain = Files.createSymbolicLink(tmp.resolve("pm-chain"), relative); // a link to a link

        for (Path link : List.of(absolute, relative, chain)) {
            Run r = runScript(link, env(jdk17), "--version");
            assertThat(r.err()).as(link.toString()).isEqualTo("java-err\n");
            List<Call> calls = calls();
            assertThat(calls.get(calls.size() - 1).args()).containsSequence("-jar", jar.toString());
            assertThat(flag(calls.get(calls.size() - 1), "-XX:SharedArchiveFile=")).isNotNull();
        }
        assertThat(cacheFiles()).hasSize(1); // one jar, one archive, whichever way it was reached
    }

    @Test
    void throughASymbolicLinkLaterRunsStartNoProgramBeforeJava() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("links")).resolve("pm"),
                bin.resolve("pm"));
        Map<String, String> env = loggingPrograms(env(jdk17));
        runScript(link, env, "--version");
        assertThat(programs()).contains("readlink", "cksum");
        calls();

        Run r = runScript(link, env, USER_ARGS);

        assertThat(programs()).isEmpty();
        assertThat(r.out()).isEqualTo("java-out\n");
        List<Call> calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).args()).containsSequence("-jar", jar.toString());
        assertThat(calls.get(0).pmArgs()).containsExactly(USER_ARGS);
    }

    @Test
    void aLinkPointedAtAnotherInstallIsFollowedThereNotWhereTheNoteSays() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other install"));
        Files.copy(SCRIPT, other.resolve("pm"));
        Files.writeString(other.resolve("pm.jar"), "another jar");
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("links")).resolve("pm"),
                bin.resolve("pm"));
        runScript(link, env(jdk17), "--version");
        runScript(link, env(jdk17), "--version");
        calls();

        Files.delete(link);
        Files.createSymbolicLink(link, other.resolve("pm"));
        runScript(link, env(jdk17), "--version");

        List<Call> calls = calls();
        assertThat(calls.get(calls.size() - 1).args()).containsSequence("-jar", other.resolve("pm.jar").toString());
    }

    @Test
    void anInstalledLayoutFindsLibPmJarAlsoThroughALinkAndFromAReadOnlyPrefix() throws Exception {
        Path prefix = tmp.resolve("pre fix");
        Files.createDirectories(prefix.resolve("bin"));
        Files.createDirectories(prefix.resolve("lib"));
        Files.copy(SCRIPT, prefix.resolve("bin/pm"));
        Path libJar = Files.writeString(prefix.resolve("lib/pm.jar"), "installed jar");
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("links")).resolve("pm"),
                prefix.resolve("bin/pm"));
        for (Path p : List.of(prefix.resolve("bin"), prefix.resolve("lib"), prefix)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            for (Path launcher : List.of(prefix.resolve("bin/pm"), link, link)) {
                Run r = runScript(launcher, env(jdk17), "--version");
                assertThat(r.code()).isZero();
                List<Call> calls = calls();
                Call last = calls.get(calls.size() - 1);
                assertThat(last.args()).containsSequence("-jar", libJar.toString());
                assertThat(flag(last, "-XX:SharedArchiveFile=")).startsWith(cache.toString());
            }
        } finally {
            for (Path p : List.of(prefix.resolve("bin"), prefix.resolve("lib"), prefix)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try (Stream<Path> s = Files.list(prefix)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bin", "lib");
        }
    }

    @Test
    void anInstalledBinReachedThroughALinkedFolderFindsTheLibBesideTheRealOne() throws Exception {
        Path prefix = tmp.resolve("real prefix");
        Files.createDirectories(prefix.resolve("bin"));
        Files.createDirectories(prefix.resolve("lib"));
        Files.copy(SCRIPT, prefix.resolve("bin/pm"));
        Path libJar = Files.writeString(prefix.resolve("lib/pm.jar"), "installed jar");
        Path linkedBin = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("elsewhere")).resolve("bin"),
                prefix.resolve("bin")); // elsewhere/bin -> real prefix/bin: there is no elsewhere/lib

        Run r = runScript(linkedBin.resolve("pm"), env(jdk17), "--version");

        assertThat(r.code()).as(r.err()).isZero();
        List<Call> calls = calls();
        assertThat(calls.get(calls.size() - 1).args()).containsSequence("-jar", libJar.toString());
    }

    @Test
    void theDebLayoutRunsItsBundledRuntimeUnlessJavaIsSet() throws Exception {
        Path opt = tmp.resolve("opt/pm");
        Files.createDirectories(opt.resolve("bin"));
        Files.createDirectories(opt.resolve("lib/app"));
        Files.copy(SCRIPT, opt.resolve("bin/pm"));
        Path appJar = Files.writeString(opt.resolve("lib/app/pm.jar"), "packaged jar");
        Path runtime = fakeJdk(opt.resolve("lib/runtime"), "17.0.15");
        Map<String, String> env = env(jdk25);
        env.remove("JAVA");
        env.put("JAVA_HOME", jdk25.toString()); // the user's own JDK: not the one the package was made for

        runScript(opt.resolve("bin/pm"), env, "--version");
        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).args()).containsSequence("-jar", appJar.toString());
        assertThat(flag(calls.get(1), "-XX:SharedArchiveFile=")).endsWith(".jsa"); // runtime 17, not JDK 25

        runScript(opt.resolve("bin/pm"), env(jdk25), "--version"); // JAVA names another java: that one
        assertThat(flag(calls().get(1), "-XX:AOTCache=")).endsWith(".aot");
        assertThat(runtime.resolve("bin/java")).isExecutable();
    }

    @Test
    void noJarAnywhereIsOneLineSayingWhatToDo() throws Exception {
        Files.delete(jar);

        Run r = run(env(jdk17), "--version");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("pm: cannot find pm.jar next to " + bin.resolve("pm")).contains("mvn package")
                .endsWith("\n").hasLineCount(1);
        assertThat(calls()).isEmpty();
    }

    /** A real JVM, the one running this test, on a jar whose main class echoes its arguments. */
    @Test
    void withARealJvmTheArchiveIsMadeAndUsedAndNothingExtraIsPrinted() throws Exception {
        writeEchoJar(jar);
        Path javaHome = Path.of(System.getProperty("java.home"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA", javaHome.resolve("bin/java").toString());
        env.put("PM_CACHE_DIR", cache.toString());
        String ext = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";

        Run first = run(env, "a b", "", "exit=3");
        assertThat(first.out()).isEqualTo("[a b]\n[]\n[exit=3]\n");
        assertThat(first.err()).isEmpty();
        assertThat(first.code()).isEqualTo(3);
        List<Path> files = cacheFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).toString()).endsWith(ext);
        assertThat(Files.size(files.get(0))).isGreaterThan(1000);

        Run second = run(env, "again");
        assertThat(second.out()).isEqualTo("[again]\n");
        assertThat(second.err()).isEmpty();
        assertThat(second.code()).isZero();

        Files.writeString(files.get(0), "not an archive"); // the JVM refuses it: slower, never noisier
        Run third = run(env, "corrupt");
        assertThat(third.out()).isEqualTo("[corrupt]\n");
        assertThat(third.err()).isEmpty();
    }

    private static void writeEchoJar(Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EchoMain.class.getName());
        String entry = EchoMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf);
                InputStream in = EchoMain.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /** The last run trained a new archive, used it, and left no other (the one {@code before} is gone). */
    private void assertRetrainedInto(String before) throws Exception {
        List<Call> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).pmArgs()).containsExactly("__train");
        String after = flag(calls.get(1), "-XX:SharedArchiveFile=");
        assertThat(after).isNotEqualTo(before);
        assertThat(cacheFiles()).containsExactly(Path.of(after));
    }
}
