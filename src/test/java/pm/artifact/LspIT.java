package pm.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/pm lsp} as an editor starts it: a process spoken to over its standard input and output by an LSP4J
 * client. Nothing but the protocol may reach its standard output (the launcher's archive training included).
 */
class LspIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pm.launcher", "target/pm")).toAbsolutePath();

    @TempDir
    Path repo;

    static final class Client implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }

    @Test
    void theInstalledServerPublishesBlameAndExitsCleanly() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Path file = repo.resolve("postmortems/2025-03-14-payment-api-outage.md");
        Files.createDirectories(file.getParent());
        String text = Files.readString(Path.of("src/examples/postmortems/2025-03-14-payment-api-outage.md"),
                StandardCharsets.UTF_8).replace("## What went poorly\n\n",
                "## What went poorly\n\n- Kevin should have checked the dashboard first.\n");
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "lsp").directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PM_CACHE_DIR", repo.resolve(".cache").toString());
        Process p = pb.start();
        try {
            Client client = new Client();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(),
                    p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setRootUri(repo.toUri().toString());
            InitializeResult result = server.initialize(init).get(60, TimeUnit.SECONDS);
            assertThat(result.getServerInfo().getName()).isEqualTo("pm");
            server.initialized(new InitializedParams());
            String uri = file.toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown",
                    1, text)));
            PublishDiagnosticsParams published = client.diagnostics.poll(60, TimeUnit.SECONDS);
            assertThat(published).as("diagnostics within 60 s").isNotNull();
            assertThat(published.getUri()).isEqualTo(uri);
            assertThat(published.getDiagnostics()).singleElement().satisfies(d -> {
                assertThat(d.getCode().getLeft()).isEqualTo("blame-language");
                int line = List.of(text.split("\n", -1)).indexOf("- Kevin should have checked the dashboard first.");
                assertThat(d.getRange().getStart().getLine()).isEqualTo(line);
                assertThat(d.getMessage()).contains("\nsuggestion: "); // this client takes no related information
            });
            server.shutdown().get(60, TimeUnit.SECONDS);
            server.exit();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pm lsp exited").isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
