package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.model.Postmortem;
import pm.testing.Cli;

/** YAML tags name classes that are never loaded, and pm starts no program but the user's own editor. */
class NoCodeExecutionTest {

    @Test
    void yamlTagsNamingAClassNeverLoadOrBuildIt(@TempDir Path repo) throws Exception {
        String tag = "!!" + Tripwire.class.getName();
        Postmortem pm = Inputs.parse(Inputs.withFrontMatter("title: " + tag + " {}\nstatus: " + tag + " [x]\n"
                + "severity: !<tag:yaml.org,2002:" + Tripwire.class.getName() + "> SEV2\nnotes: " + tag + " x\n"));
        assertThat(pm.frontMatter().severity()).isEqualTo("SEV2"); // the tag is ignored, the value is data
        Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: " + tag + " docs\n");
        Cli.Result r = Cli.in(repo).run("new", "x");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("docs/2025-03-20-x.md");
        // a class literal loads Tripwire without initializing it; any use by YAML would have counted
        assertThat(Tripwire.Log.TRIPS).hasValue(0);
    }

    @Test
    void theOnlyProgramPmStartsIsTheUsersEditorWithoutAShell() throws Exception {
        List<String> starters;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/pm"))) {
            starters = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String s = Files.readString(f);
                    return s.contains("ProcessBuilder") || s.contains("Runtime.getRuntime().exec")
                            || s.contains(".exec(");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
        }
        assertThat(starters).containsExactly("Editor.java");
        String editor = Files.readString(Path.of("src/main/java/pm/cli/Editor.java"));
        assertThat(editor).doesNotContain("\"sh\"").doesNotContain("\"-c\"").doesNotContain("bash");
    }
}
