package pm.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pm.launcher.Main;
import pm.testing.Jvm;

/**
 * pm lsp costs the other commands nothing at start-up: no class of LSP4J or of this package is loaded unless
 * {@code pm lsp} runs. Each command runs in a JVM of its own that lists the classes it loads.
 */
class StartupTest {
    private static final String EXAMPLE = "src/examples/postmortems/2025-03-14-payment-api-outage.md";

    /** The classes a command line loaded, one per line of -verbose:class, and its output. */
    private static String loaded(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(Jvm.command(Main.class, args));
        cmd.add(1, "-verbose:class");
        Process p = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close(); // pm lsp: the client has gone at once
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(args)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void lintHelpAndLspHelpLoadNoLanguageServerClass() throws Exception {
        for (String[] line : List.of(new String[] {"lint", EXAMPLE}, new String[] {"--help"},
                new String[] {"lsp", "--help"}, new String[] {"lint", "--format", "json", EXAMPLE})) {
            String out = loaded(line);
            assertThat(out).as("%s ran", List.of(line)).contains("pm.launcher.Main");
            assertThat(out).as("%s", List.of(line)).doesNotContain("org.eclipse.lsp4j").doesNotContain(" pm.lsp.")
                    .doesNotContain("com.google.gson");
        }
    }

    @Test
    void lspLoadsThemWhenItRuns() throws Exception {
        String out = loaded("lsp");
        assertThat(out).contains("org.eclipse.lsp4j.launch.LSPLauncher").contains(" pm.lsp.LspServer ");
    }
}
