package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pm.testing.Cli;

/**
 * .pre-commit-hooks.yaml stays usable by Debian's pre-commit 3.0.4 and the current release (src/scripts/consumers
 * runs it under the real framework; this catches the mistake without it).
 */
class PreCommitHooksTest {
    /** The stage names pre-commit 3.0.4 accepts that the current release neither rejects nor calls deprecated. */
    private static final Set<String> STAGES_BOTH_KNOW = Set.of("manual", "commit-msg", "prepare-commit-msg",
            "post-commit", "post-checkout", "post-merge", "post-rewrite");

    private static JsonNode hooks() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    }

    @Test
    void theHooksRunThePmOnThePathWithStageNamesEveryPreCommitKnows() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode hook : hooks()) {
            String id = hook.get("id").asText();
            ids.add(id);
            assertThat(hook.get("language").asText()).as(id).isEqualTo("system");
            assertThat(hook.get("entry").asText()).as(id).startsWith("pm ");
            assertThat(hook.get("pass_filenames").asBoolean(true)).as(id).isFalse();
            // 'pre-commit', 'pre-push' (>= 3.2) make 3.0.4 reject the manifest; 'commit', 'push' are deprecated
            for (JsonNode stage : hook.path("stages")) {
                assertThat(stage.asText()).as(id).isIn(STAGES_BOTH_KNOW);
            }
            assertThat(hook.has("default_stages")).as(id).isFalse();
        }
        assertThat(ids).containsExactly("pm-lint", "pm-lint-all", "pm-index");
    }

    @Test
    void eachHooksCommandIsOneThatPmAccepts() throws Exception {
        for (JsonNode hook : hooks()) {
            String[] words = hook.get("entry").asText().split(" ");
            List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
            args.add("--help");
            Cli.Result r = Cli.in(Path.of(".")).run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isZero();
        }
    }

    @Test
    void theCommentSaysToInstallPmFirstWithTheInstaller() throws Exception {
        String text = Files.readString(Path.of(".pre-commit-hooks.yaml"));
        assertThat(text).contains("install pm first").contains("src/scripts/install").contains("3.0.4");
    }
}
