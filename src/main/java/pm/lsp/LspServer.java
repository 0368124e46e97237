package pm.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import pm.config.Config;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;
import pm.lint.ActionTableFix;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.Rule;
import pm.lint.TextLint;
import pm.parse.PostmortemParser;

/**
 * pm's language server. It lints each open postmortem from the text the editor holds, as {@code pm lint} would lint
 * the file at that path (the {@code .pm.yml} found from its folder; its {@code pm-disable} comments), and publishes
 * the findings as diagnostics: at once when a document opens, {@link #DEBOUNCE_MS} after the last change while it is
 * typed (only the newest text is linted; a run whose text has changed since is dropped), and none once it closes. A
 * document counts as a postmortem when {@code pm lint} would lint it by default: a Markdown file under the
 * {@code postmortems_dir} of its configuration. It offers {@code pm lint --fix}'s Action items table sync as a quick
 * fix.
 */
public final class LspServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
    /** How long typing must pause before the text is linted. */
    public static final long DEBOUNCE_MS = 200;

    /** The code action's title. */
    static final String FIX_TITLE = "Sync the Action items table from the front matter (pm lint --fix)";

    /** postmortems_dir by default. */
    private static final String DEFAULT_DIR = "postmortems";

    /** The rule whose findings the table sync settles. */
    static final String TABLE_RULE = "action-items-out-of-sync";

    /** The configuration that governs a file, checked whole as every pm command checks it. */
    public record Setup(Config config, LintSettings settings) {
    }

    /** Finds and reads the configuration for the files of a folder. */
    public interface Setups {
        Setup forFolder(Path folder) throws InputException;
    }

    /** An open document: its text at one version. A newer version is a new snapshot. */
    private record Doc(String uri, Path path, String text, int version) {
    }

    /** What lints the files one configuration governs, made once per version of that configuration. */
    private record Engine(Object key, Setup setup, TextLint lint) {
    }

    private final Setups setups;
    private final List<Rule.Spec> rules;
    private final String version;
    private final long debounceMs;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pm-lsp-lint");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    /** The documents that have diagnostics showing, so a document that stops being linted has them cleared. */
    private final Map<String, Boolean> showing = new ConcurrentHashMap<>();
    /** One engine per configuration file (or root, without one): only the worker thread reads and writes it. */
    private final Map<Path, Engine> engines = new java.util.HashMap<>();
    private final Object publishing = new Object();
    private final CompletableFuture<Boolean> exited = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile boolean relatedInformation;
    private volatile boolean watchConfig;
    private volatile boolean shutDown;

    /**
     * @param setups  reads the configuration for a document's folder
     * @param rules   the rules {@code pm lint} runs
     * @param version pm's version, told to the client
     */
    public LspServer(Setups setups, List<Rule.Spec> rules, String version) {
        this(setups, rules, version, DEBOUNCE_MS);
    }

    LspServer(Setups setups, List<Rule.Spec> rules, String version, long debounceMs) {
        this.setups = setups;
        this.rules = List.copyOf(rules);
        this.version = version;
        this.debounceMs = debounceMs;
    }

    /**
     * Serves one client over {@code in} and {@code out} until it says exit or closes its end, and returns the exit
     * status: 0 after a shutdown request, 1 without one (as the protocol asks).
     */
    public static int serve(InputStream in, OutputStream out, Setups setups, List<Rule.Spec> rules, String version) {
        return serve(new LspServer(setups, rules, version), in, out);
    }

    /** Serves one client with {@code server}, as {@link #serve(InputStream, OutputStream, Setups, List, String)}. */
    static int serve(LspServer server, InputStream in, OutputStream out) {
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture<Object> ended = CompletableFuture.anyOf(server.exited, CompletableFuture.runAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                // the input ended or broke: the client is gone
            }
        }));
        try {
            ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // as above
        }
        server.worker.shutdownNow();
        if (!server.shutDown) {
            System.err.println("pm lsp: the editor ended the session without a shutdown request (exit status 1)");
        }
        return server.shutDown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    // --- lifecycle

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        var caps = params.getCapabilities();
        relatedInformation = caps != null && caps.getTextDocument() != null
                && caps.getTextDocument().getPublishDiagnostics() != null
                && Boolean.TRUE.equals(caps.getTextDocument().getPublishDiagnostics().getRelatedInformation());
        watchConfig = caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        ServerCapabilities server = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        server.setTextDocumentSync(sync);
        server.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        server.setPositionEncoding("utf-16");
        return CompletableFuture.completedFuture(new InitializeResult(server, new ServerInfo("pm", version)));
    }

    /** Asks the client to say when a {@code .pm.yml} changes, when it can be asked (not every client can). */
    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (watchConfig && c != null) {
            FileSystemWatcher watcher = new FileSystemWatcher(Either.forLeft("**/" + Config.FILE_NAME));
            c.registerCapability(new RegistrationParams(List.of(new Registration("pm-config",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(List.of(watcher))))));
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutDown = true;
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        worker.shutdownNow();
        exited.complete(shutDown);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    // --- documents

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        changed(d.getUri(), d.getText(), d.getVersion(), 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // full sync: each change is the whole text, the last one the newest
        String text = changes.get(changes.size() - 1).getText();
        changed(params.getTextDocument().getUri(), text, params.getTextDocument().getVersion(), debounceMs);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        ScheduledFuture<?> p = pending.remove(uri);
        if (p != null) {
            p.cancel(false);
        }
        synchronized (publishing) {
            docs.remove(uri);
            if (showing.remove(uri) != null) {
                publish(uri, List.of(), null);
            }
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the text is linted as it changes; saving changes nothing pm reads
    }

    /** Keeps the newest text of a document and lints it after {@code delay} ms, unless a newer text comes first. */
    private void changed(String uri, String text, Integer version, long delay) {
        if (shutDown || text == null) {
            return;
        }
        Doc doc = new Doc(uri, pathOf(uri), text, version == null ? 0 : version);
        docs.put(uri, doc);
        ScheduledFuture<?> next;
        try {
            next = worker.schedule(() -> lintAndPublish(doc), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // exiting
        }
        ScheduledFuture<?> before = pending.put(uri, next);
        if (before != null) {
            before.cancel(false);
        }
    }

    /** The file a document is, or null for one that is not a file (an unsaved buffer). */
    private static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** On the worker thread: lints a document's text and publishes the diagnostics, unless the text is stale. */
    private void lintAndPublish(Doc doc) {
        if (docs.get(doc.uri()) != doc) {
            return;
        }
        List<Diagnostic> diagnostics;
        try {
            diagnostics = diagnose(doc);
        } catch (RuntimeException e) { // a bug in pm: said in the editor rather than lost on this thread
            diagnostics = List.of(internalError(doc, e));
        }
        synchronized (publishing) {
            if (docs.get(doc.uri()) != doc) {
                return; // changed or closed while linting: the newer text is linted or the diagnostics cleared
            }
            if (diagnostics == null) {
                if (showing.remove(doc.uri()) != null) {
                    publish(doc.uri(), List.of(), doc.version());
                }
                return;
            }
            showing.put(doc.uri(), Boolean.TRUE);
            publish(doc.uri(), diagnostics, doc.version());
        }
    }

    private void publish(String uri, List<Diagnostic> diagnostics, Integer version) {
        LanguageClient c = client;
        if (c != null) {
            PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, diagnostics);
            p.setVersion(version);
            c.publishDiagnostics(p);
        }
    }

    /** The diagnostics of a document, or null when it is no postmortem pm would lint. */
    private List<Diagnostic> diagnose(Doc doc) {
        if (doc.path() == null || !MarkdownFiles.isMarkdown(doc.path())) {
            return null;
        }
        Engine engine;
        try {
            engine = engine(doc.path());
        } catch (InputException e) {
            return List.of(configProblem(e, doc));
        }
        if (!isPostmortem(engine.setup().config(), doc.path())) {
            return null;
        }
        if (doc.text().length() > TextFiles.MAX_BYTES) { // as pm lint: more than it reads is logs, not a postmortem
            return List.of(Diagnostics.problem("too-large", "pm does not lint a file of more than "
                    + TextFiles.MAX_BYTES / (1024 * 1024) + " MB; move logs and data out of the postmortem", 0,
                    doc.text()));
        }
        try {
            TextLint.Linted linted = engine.lint().lint(doc.path(), doc.text(), doc.path().toString());
            return Diagnostics.of(linted.findings(), doc.uri(), doc.text(), relatedInformation);
        } catch (InputException e) {
            return List.of(Diagnostics.problem("unreadable", "pm cannot read this file: " + e.getMessage(), e.line(),
                    doc.text()));
        } catch (RuntimeException e) { // a rule that threw (Linter.RuleFailure names it), or another bug in pm
            return List.of(internalError(doc, e));
        }
    }

    /** A bug in pm, said on the document's first line and in the server's log (standard error). */
    private static Diagnostic internalError(Doc doc, RuntimeException e) {
        System.err.println("pm lsp: internal error on " + doc.path() + ": " + e);
        return Diagnostics.problem("internal-error", "pm: internal error: " + e.getMessage() + " (a bug in pm; please "
                + "report it with the file)", 0, doc.text());
    }

    /** A {@code .pm.yml} pm cannot use: said on the document's first line, with the place in the config. */
    private Diagnostic configProblem(InputException e, Doc doc) {
        Diagnostic d = Diagnostics.problem("config", "pm cannot lint this file: " + e.oneLine(Path::toString)
                + "; fix " + Config.FILE_NAME + (watchConfig ? ", and this file is linted again" : ", then edit this file to "
                + "lint it again"), 0, doc.text());
        if (e.file() != null) {
            int line = Math.max(0, e.line() - 1);
            d.setRelatedInformation(List.of(new DiagnosticRelatedInformation(new Location(e.file().toUri().toString(),
                    new Range(new Position(line, 0), new Position(line, 0))), e.getMessage())));
        }
        return d;
    }

    /**
     * Whether {@code pm lint} would lint the file by default: under postmortems_dir, no part of its path hidden. Outside
     * a repository and without {@code .pm.yml} (nothing says where the postmortems are), under a folder named
     * {@code postmortems}, the default postmortems_dir.
     */
    static boolean isPostmortem(Config config, Path file) {
        Path dir = config.postmortemsDir().toAbsolutePath().normalize();
        if (config.file() == null && !Files.exists(config.root().resolve(".git"))) {
            dir = null;
            for (Path d = file.getParent(); d != null; d = d.getParent()) {
                if (d.getFileName() != null && d.getFileName().toString().equals(DEFAULT_DIR)) {
                    dir = d;
                    break;
                }
            }
            if (dir == null) {
                return false;
            }
        }
        if (!file.startsWith(dir) || file.equals(dir)) {
            return false;
        }
        for (Path part : dir.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The engine for a file's configuration: made anew when the configuration file (or, without one, the root) is
     * another, or has changed on disk since.
     */
    private Engine engine(Path file) throws InputException {
        Setup setup = setups.forFolder(file.getParent());
        Config config = setup.config();
        Path where = config.file() != null ? config.file().toAbsolutePath().normalize() : config.root();
        Object key = where;
        if (config.file() != null) {
            try {
                BasicFileAttributes a = Files.readAttributes(where, BasicFileAttributes.class);
                key = List.of(where, a.lastModifiedTime(), a.size());
            } catch (java.io.IOException e) {
                key = List.of(where, System.nanoTime()); // cannot tell: make it anew
            }
        }
        Engine e = engines.get(where);
        if (e == null || !e.key().equals(key)) {
            TextLint lint = new TextLint(new PostmortemParser(config.schema()), new Linter(setup.settings(), rules));
            e = new Engine(key, setup, lint);
            engines.put(where, e);
        }
        return e;
    }

    // --- code actions

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (only != null && only.stream().noneMatch(k -> CodeActionKind.QuickFix.equals(k)
                || CodeActionKind.QuickFix.startsWith(k + "."))) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Diagnostic> asked = params.getContext() == null || params.getContext().getDiagnostics() == null
                ? List.of() : params.getContext().getDiagnostics();
        CompletableFuture<List<Either<Command, CodeAction>>> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(tableFix(docs.get(uri), asked));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.complete(List.of());
        }
        return result;
    }

    /** The table sync for a document, when {@code --fix} would change its table; else nothing. */
    private List<Either<Command, CodeAction>> tableFix(Doc doc, List<Diagnostic> asked) {
        if (doc == null || doc.path() == null || !MarkdownFiles.isMarkdown(doc.path())) {
            return List.of();
        }
        ActionTableFix.Outcome outcome;
        try {
            Engine engine = engine(doc.path());
            if (!isPostmortem(engine.setup().config(), doc.path())) {
                return List.of();
            }
            outcome = ActionTableFix.apply(engine.lint().parse(doc.path(), doc.text()));
        } catch (InputException e) {
            return List.of();
        }
        if (!(outcome instanceof ActionTableFix.Fixed fixed)) {
            return List.of();
        }
        String now = doc.text();
        String after = now.startsWith("\uFEFF") ? "\uFEFF" + fixed.text() : fixed.text();
        CodeAction action = new CodeAction(FIX_TITLE);
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(edit(now, after)))));
        List<Diagnostic> settled = new ArrayList<>();
        for (Diagnostic d : asked) {
            if (Diagnostics.SOURCE.equals(d.getSource()) && d.getCode() != null && d.getCode().isLeft()
                    && TABLE_RULE.equals(d.getCode().getLeft())) {
                settled.add(d);
            }
        }
        if (!settled.isEmpty()) {
            action.setDiagnostics(settled);
            action.setIsPreferred(true);
        }
        return List.of(Either.forRight(action));
    }

    /** One edit that turns {@code before} into {@code after}: the span between their common start and end. */
    static TextEdit edit(String before, String after) {
        int start = 0;
        int max = Math.min(before.length(), after.length());
        while (start < max && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < max - start && before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
            end++;
        }
        // never split a surrogate pair or a CRLF
        while (splitsAt(before, start)) {
            start--;
        }
        while (end > 0 && splitsAt(before, before.length() - end)) {
            end--;
        }
        Diagnostics.Lines lines = new Diagnostics.Lines(before);
        return new TextEdit(new Range(lines.position(start), lines.position(before.length() - end)),
                after.substring(start, after.length() - end));
    }

    private static boolean splitsAt(String s, int i) {
        return i > 0 && i < s.length() && (Character.isLowSurrogate(s.charAt(i)) || s.charAt(i) == '\n'
                && s.charAt(i - 1) == '\r');
    }

    // --- workspace

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // pm reads its settings from .pm.yml, not from the editor
    }

    /**
     * A {@code .pm.yml} changed (the client watches them when it could be asked to, see {@link #initialized}): every
     * open document is linted again with it. Without the client's word, a changed {@code .pm.yml} is read at a
     * document's next change (its time and size are checked).
     */
    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean config = params.getChanges().stream().anyMatch(e -> e.getUri().endsWith("/" + Config.FILE_NAME));
        if (!config || shutDown) {
            return;
        }
        try {
            worker.execute(engines::clear);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // exiting
        }
        for (Doc doc : docs.values()) {
            changed(doc.uri(), doc.text(), doc.version(), 0);
        }
    }
}
