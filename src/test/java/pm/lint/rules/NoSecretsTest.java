package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pm.lint.LintFixture;
import pm.testing.Cli;

/** Credentials pasted with logs and configs: found anywhere, shown by four characters, with a rotate message. */
class NoSecretsTest {
    // made-up values in the providers' formats (not real credentials)
    private static final String GITHUB = "ghp_" + "R8x2Lq0Zt7Wm4Kc9Vb1Nj6Hs3Pd5Fy8Ge2Ua";
    private static final String AWS = "AKIA" + "Z7Q3M9X2L5T8R4W1";
    private static final String SLACK = "xoxb-" + "204815926-3391027710-Qz8Rk2Lm5Nv7Wx1";
    private static final String GOOGLE = "AIza" + "SyD8k2Lm4Nq7Rt0Vw3Xy6Zb9Cd1Ef5Gh8Jk";
    private static final String STRIPE = "sk_live_" + "51Hq8Rt2Lm5Nv7Wx1Zb9Cd3Ef";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    private static List<String> found(String body) {
        return LintFixture.of("no-secrets", LintFixture.cleanWith("The archiver read", body + "\n\nThe archiver read"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "export GITHUB_TOKEN=" + GITHUB,
            "Key id `" + AWS + "` was used from an unknown IP.",
            "```\nSLACK_BOT_TOKEN=" + SLACK + "\n```",
            "The client used " + GOOGLE + " in the URL.",
            "stripe.api_key = \"" + STRIPE + "\"",
            "```\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n```",
            "Authorization: Bearer " + JWT,
            "DATABASE_URL=postgres://payments:Qz8Rk2Lm5Nv7@db-1.internal:5432/payments",
            "```yaml\nredis:\n  password: \"h7Gk2Lq9Zx4Wm8Rt\"\n```",
    })
    void flagsSecretsAnywhereInTheFile(String body) {
        assertThat(found(body)).as(body).hasSize(1);
        assertThat(found(body).get(0)).contains("revoke and rotate it now").contains("git keeps it in history");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "export GITHUB_TOKEN=<redacted>",
            "Rotate the token: `password: ${DB_PASSWORD}` reads it from the environment.",
            "password: changeme-example-1234",
            "The token expired at 09:12 and the ghp_ prefix told us it was a classic one.",
            "postgres://payments@db-1.internal:5432/payments has no password in it.",
            "See https://user:***@example.com for the shape of the URL.",
            "token_ttl: 3600",
            "secret_name: payments-api-db-credentials",
            "The AKIA prefix marks a long-term AWS access key.",
            "api_key: ${{ secrets.STRIPE_KEY }}",
    })
    void leavesPlaceholdersReferencesAndProseAlone(String body) {
        assertThat(found(body)).as(body).isEmpty();
    }

    @Test
    void theMessageShowsOnlyTheFirstFourCharacters() {
        assertThat(found("export GITHUB_TOKEN=" + GITHUB)).singleElement().asString()
                .contains("a GitHub token (ghp_…) is in the file").doesNotContain(GITHUB.substring(4, 12));
    }

    @Test
    void everyOutputFormatMasksTheSecret(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.md"), LintFixture.cleanWith("The archiver read",
                "```\nAWS_ACCESS_KEY_ID=" + AWS + "\nGITHUB_TOKEN=" + GITHUB + "\n```\n\nThe archiver read"));
        for (String format : List.of("text", "json", "sarif", "github")) {
            Cli.Result r = Cli.in(dir).run("lint", "--format", format, "pm.md");
            assertThat(r.code()).as(format).isEqualTo(1);
            assertThat(r.out()).as(format).contains("no-secrets").contains("AKIA…").contains("ghp_…")
                    .doesNotContain(AWS).doesNotContain(GITHUB).doesNotContain(GITHUB.substring(4, 16));
        }
    }
}
