package pm.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.lint.ActionTableFix;
import pm.lint.LintSettings;
import pm.lint.rules.Rules;
import pm.model.SourceText;
import pm.parse.PostmortemParser;

/**
 * pm lsp as an editor sees it: an LSP4J client talks to the server over pipes, the server on a thread of its own,
 * and every answer is waited for with a timeout (a future, or the queue of published diagnostics).
 */
class LspServerTest {
    private static final long TIMEOUT_S = 20;
    /** A clean postmortem: pm lint finds nothing in it. */
    static final String CLEAN = read("src/examples/postmortems/2025-03-14-payment-api-outage.md");
    /** A line of the clean postmortem's "What went poorly" that the tests put blame after. */
    private static final String ANCHOR = "- Two days of archiving failures produced no signal anyone could see.\n";
    /** Blame on a line whose characters before it take 1 UTF-16 unit and 2 UTF-8 bytes (é, ü), or 2 units (🚀). */
    static final String BLAME_LINE = "- Déjà vü 🚀: Kevin should have checked the dashboard first.";

    /**
     * LSP4J's loggers of the streams, which report the pipes ending with each test (a piped stream is "broken" once
     * the thread that last wrote to it has ended, as the server's do at exit). Held: java.util.logging keeps loggers
     * weakly, and a collected one would lose its filter.
     */
    private static final List<java.util.logging.Logger> STREAM_LOGS = List.of(
            java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer"),
            java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor"));

    static {
        for (java.util.logging.Logger log : STREAM_LOGS) {
            log.setFilter(r -> !pipeEnded(r.getThrown()));
        }
    }

    private static boolean pipeEnded(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).matches("Pipe (broken|closed)|Write end dead")) {
                return true;
            }
        }
        return false;
    }

    @TempDir
    Path repo;

    private Client client;
    private LanguageServer server;
    private CompletableFuture<Integer> serving;
    private PipedInputStream clientIn;
    private PipedInputStream serverIn;

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the client was sent. */
    static final class Client implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        final CompletableFuture<RegistrationParams> registered = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registered.complete(params);
            return CompletableFuture.completedFuture(null);
        }

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

        /** The next diagnostics published for {@code uri}, waited for. */
        PublishDiagnosticsParams next(String uri) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (true) {
                PublishDiagnosticsParams p = diagnostics.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(p).as("diagnostics for %s within %d s", uri, TIMEOUT_S).isNotNull();
                if (p.getUri().equals(uri)) {
                    return p;
                }
            }
        }
    }

    /** Starts a server on its own thread and a client, joined by two pipes, and initializes. */
    private InitializeResult start(long debounceMs) throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: postmortems\n");
        Files.createDirectories(repo.resolve("postmortems"));
        serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        LspServer lsp = new LspServer(folder -> {
            Config c = Config.load(folder);
            return new LspServer.Setup(c, LintSettings.of(c, Rules.metas()));
        }, Rules.ALL, "test", debounceMs);
        serving = new CompletableFuture<>();
        Thread t = new Thread(() -> serving.complete(LspServer.serve(lsp, serverIn, serverOut)), "test-lsp-server");
        t.setDaemon(true);
        t.start();
        client = new Client();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setPublishDiagnostics(new PublishDiagnosticsCapabilities(true));
        caps.setTextDocument(text);
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(workspace);
        init.setCapabilities(caps);
        init.setRootUri(repo.toUri().toString());
        InitializeResult result = server.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    @AfterEach
    void closePipes() throws IOException {
        if (serverIn != null) {
            serverIn.close();
            clientIn.close();
        }
    }

    private String uri(String name) {
        return repo.resolve("postmortems").resolve(name).toUri().toString();
    }

    private void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1,
                text)));
    }

    private void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    private static String withBlame() {
        assertThat(CLEAN).contains(ANCHOR);
        return CLEAN.replace(ANCHOR, ANCHOR + BLAME_LINE + "\n");
    }

    /** The text a range covers, lines and characters counted as LSP counts them (UTF-16 units). */
    static String covered(String text, Range r) {
        String[] lines = text.split("\n", -1);
        assertThat(r.getStart().getLine()).isEqualTo(r.getEnd().getLine());
        return lines[r.getStart().getLine()].substring(r.getStart().getCharacter(), r.getEnd().getCharacter());
    }

    @Test
    void blameIsADiagnosticAtItsPlaceAndGoesWhenTheSentenceIsFixed() throws Exception {
        InitializeResult init = start(LspServer.DEBOUNCE_MS);
        assertThat(init.getServerInfo().getName()).isEqualTo("pm");
        assertThat(init.getCapabilities().getPositionEncoding()).isEqualTo("utf-16");

        String uri = uri("2025-03-14-payment-api-outage.md");
        String text = withBlame();
        open(uri, text);
        PublishDiagnosticsParams opened = client.next(uri);
        assertThat(opened.getVersion()).isEqualTo(1);
        assertThat(opened.getDiagnostics()).hasSize(1);
        Diagnostic d = opened.getDiagnostics().get(0);
        assertThat(d.getSource()).isEqualTo("pm");
        assertThat(d.getCode().getLeft()).isEqualTo("blame-language");
        assertThat(d.getCodeDescription().getHref()).endsWith("README.md#rule-blame-language");
        assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
        assertThat(d.getMessage()).contains("should have checked").contains("Kevin");
        int line = List.of(text.split("\n", -1)).indexOf(BLAME_LINE);
        assertThat(d.getRange().getStart().getLine()).isEqualTo(line);
        // columns in UTF-16 units: the emoji counts 2, é and ü 1 each (in UTF-8 bytes the start would be 4 later)
        assertThat(d.getRange().getStart().getCharacter()).isEqualTo(BLAME_LINE.indexOf("should"));
        assertThat(covered(text, d.getRange())).isEqualTo("should have checked");
        assertThat(d.getRelatedInformation()).singleElement().satisfies(r -> {
            assertThat(r.getLocation().getUri()).isEqualTo(uri);
            assertThat(r.getLocation().getRange()).isEqualTo(d.getRange());
            assertThat(r.getMessage()).startsWith("suggestion: ").contains("automation");
        });

        change(uri, 2, text.replace(BLAME_LINE, "- Nobody checked the dashboard: nothing asked for it."));
        PublishDiagnosticsParams fixed = client.next(uri);
        assertThat(fixed.getVersion()).isEqualTo(2);
        assertThat(fixed.getDiagnostics()).isEmpty();

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        assertThat(client.next(uri).getDiagnostics()).isEmpty();

        assertThat(server.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS)).isNull();
        server.exit();
        assertThat(serving.get(TIMEOUT_S, TimeUnit.SECONDS)).as("exit status after shutdown").isZero();
    }

    @Test
    void onlyTheNewestTextOfQuickChangesIsLinted() throws Exception {
        start(1000);
        String uri = uri("2025-03-14-payment-api-outage.md");
        open(uri, CLEAN);
        assertThat(client.next(uri).getDiagnostics()).isEmpty();
        change(uri, 2, withBlame());
        change(uri, 3, CLEAN);
        change(uri, 4, withBlame().replace("Kevin", "Priya"));
        PublishDiagnosticsParams p = client.next(uri);
        assertThat(p.getVersion()).as("the stale versions 2 and 3 were never published").isEqualTo(4);
        assertThat(p.getDiagnostics()).singleElement().satisfies(d -> assertThat(d.getMessage()).contains("Priya"));
    }

    @Test
    void theQuickFixSyncsAnOutOfDateActionItemsTable() throws Exception {
        start(LspServer.DEBOUNCE_MS);
        String uri = uri("2025-03-14-payment-api-outage.md");
        String newItem = "  - title: Restart the archiver from the rotation runbook\n    owner: \"@lee\"\n"
                + "    due: 2025-04-04\n    priority: P2\n    status: open\n";
        String text = CLEAN.replace("follow_up_reviewed:", newItem + "follow_up_reviewed:");
        assertThat(text).isNotEqualTo(CLEAN);
        open(uri, text);
        List<Diagnostic> found = client.next(uri).getDiagnostics();
        assertThat(found).extracting(d -> d.getCode().getLeft()).contains(LspServer.TABLE_RULE);

        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri),
                new Range(new Position(0, 0), new Position(0, 0)), new CodeActionContext(found));
        List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(params)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(actions).singleElement().satisfies(a -> assertThat(a.isRight()).isTrue());
        CodeAction fix = actions.get(0).getRight();
        assertThat(fix.getTitle()).isEqualTo(LspServer.FIX_TITLE);
        assertThat(fix.getKind()).isEqualTo("quickfix");
        assertThat(fix.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsOnly(LspServer.TABLE_RULE);
        List<TextEdit> edits = fix.getEdit().getChanges().get(uri);
        assertThat(edits).hasSize(1);
        String after = apply(text, edits.get(0));
        assertThat(after).containsPattern("\\| Restart the archiver from the rotation runbook +\\| @lee +\\| 2025-04-04");
        ActionTableFix.Outcome cli = ActionTableFix.apply(new PostmortemParser(pm.parse.Schema.DEFAULT)
                .parse(Path.of("x.md"), SourceText.of(text)));
        assertThat(cli).as("what pm lint --fix writes").isEqualTo(new ActionTableFix.Fixed(after));
        int table = List.of(text.split("\n", -1)).indexOf("## Action items");
        assertThat(edits.get(0).getRange().getStart().getLine()).as("only the table is replaced").isGreaterThan(table);

        change(uri, 2, after);
        assertThat(client.next(uri).getDiagnostics()).as("the table now lists the item").isEmpty();
        assertThat(server.getTextDocumentService().codeAction(params).get(TIMEOUT_S, TimeUnit.SECONDS))
                .as("no fix once the table is in sync").isEmpty();
    }

    @Test
    void aFileOutsideThePostmortemsFolderIsLeftAlone() throws Exception {
        start(LspServer.DEBOUNCE_MS);
        String readme = repo.resolve("README.md").toUri().toString();
        String uri = uri("2025-03-14-payment-api-outage.md");
        open(readme, "# Notes\n\n" + BLAME_LINE + "\n");
        open(uri, withBlame());
        // diagnostics come in order from one worker: the README would have been published first
        PublishDiagnosticsParams first = client.diagnostics.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.getUri()).isEqualTo(uri);
    }

    @Test
    void theConfigAndTheDisableCommentsAreThoseOfTheDocumentsPath() throws Exception {
        start(LspServer.DEBOUNCE_MS);
        Path teamB = repo.resolve("team-b");
        Files.createDirectories(teamB.resolve("postmortems"));
        Files.writeString(teamB.resolve(".pm.yml"), "lint:\n  rules:\n    blame-language: warning\n");
        String here = uri("2025-03-14-payment-api-outage.md");
        String there = teamB.resolve("postmortems/2025-03-14-payment-api-outage.md").toUri().toString();
        open(here, withBlame());
        assertThat(client.next(here).getDiagnostics()).singleElement()
                .satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error));
        open(there, withBlame());
        assertThat(client.next(there).getDiagnostics()).as("team-b's .pm.yml makes blame a warning").singleElement()
                .satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning));
        change(here, 2, withBlame().replace(BLAME_LINE, "<!-- pm-disable-next-line blame-language -->\n" + BLAME_LINE));
        assertThat(client.next(here).getDiagnostics()).as("the line is silenced by its comment").isEmpty();
    }

    @Test
    void aChangedConfigLintsTheOpenDocumentsAgain() throws Exception {
        start(LspServer.DEBOUNCE_MS);
        RegistrationParams asked = client.registered.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(asked.getRegistrations()).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("workspace/didChangeWatchedFiles");
            assertThat(r.getRegisterOptions().toString()).contains("**/.pm.yml");
        });
        String uri = uri("2025-03-14-payment-api-outage.md");
        open(uri, withBlame());
        assertThat(client.next(uri).getDiagnostics()).singleElement()
                .satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error));
        Path config = repo.resolve(".pm.yml");
        Files.writeString(config, "postmortems_dir: postmortems\nlint:\n  rules:\n    blame-language: info\n");
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
        assertThat(client.next(uri).getDiagnostics()).as("linted again with the new .pm.yml, the text unchanged")
                .singleElement().satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Information));
    }

    @Test
    void aBrokenConfigIsSaidOnTheFirstLineWithWhereToFixIt() throws Exception {
        start(LspServer.DEBOUNCE_MS);
        Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: postmortems\nlint_me: yes\n");
        String uri = uri("2025-03-14-payment-api-outage.md");
        open(uri, CLEAN);
        Diagnostic d = client.next(uri).getDiagnostics().get(0);
        assertThat(d.getCode().getLeft()).isEqualTo("config");
        assertThat(d.getRange().getStart()).isEqualTo(new Position(0, 0));
        assertThat(d.getMessage()).contains(".pm.yml:2:").contains("unknown setting 'lint_me'");
        assertThat(d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine()).isEqualTo(1);
    }

    private static String apply(String text, TextEdit edit) {
        Diagnostics.Lines lines = new Diagnostics.Lines(text);
        int start = offset(text, edit.getRange().getStart());
        int end = offset(text, edit.getRange().getEnd());
        assertThat(lines.position(start)).isEqualTo(edit.getRange().getStart());
        return text.substring(0, start) + edit.getNewText() + text.substring(end);
    }

    private static int offset(String text, Position p) {
        int offset = 0;
        for (int i = 0; i < p.getLine(); i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + p.getCharacter();
    }
}
