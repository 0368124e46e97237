package pm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.io.AtomicFiles;
import pm.io.InputException;

/**
 * {@code pm init}: writes a commented .pm.yml, creates the postmortems directory and, for markdownlint, a
 * {@code .markdownlint.yaml} in it that settles where pm's format and markdownlint's default rules disagree.
 */
@Command(name = "init",
        description = {"Set up pm in this repository: write a commented .pm.yml at its root and create "
                + "postmortems/ with a .markdownlint.yaml in it (so markdownlint's default rules accept pm's "
                + "format).", "An existing .pm.yml is never overwritten."})
public final class InitCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;

    @Mixin
    StandardOptions standard;


    @Override
    public Integer call() throws InputException {
        Context ctx = parent.context();
        Path root = Config.load(ctx.cwd()).root();
        Path file = root.resolve(Config.FILE_NAME);
        byte[] content;
        try (InputStream in = InitCommand.class.getResourceAsStream("/pm/init.pm.yml")) {
            content = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new InputException("the built-in .pm.yml is missing from pm.jar; rebuild pm");
        }
        if (Files.exists(file)) {
            throw new InputException(file, 0, "already exists; edit it instead (pm never overwrites it)");
        }
        AtomicFiles.createNew(file, content);
        Config config = Config.read(file);
        AtomicFiles.createDirectories(config.postmortemsDir());
        ctx.out().println("Wrote " + ctx.names().of(file) + "; postmortems go in "
                + ctx.names().of(config.postmortemsDir()) + "/");
        markdownlint(ctx, root, config.postmortemsDir());
        ctx.out().println("Next: pm new \"<what broke>\"");
        ctx.out().flush();
        return 0;
    }

    /** Where markdownlint-cli2 looks for a folder's config, in its order; the first four can be extended. */
    static final List<String> MARKDOWNLINT_FILES = List.of(".markdownlint.jsonc", ".markdownlint.json",
            ".markdownlint.yaml", ".markdownlint.yml", ".markdownlint.cjs", ".markdownlint.mjs",
            ".markdownlint-cli2.jsonc", ".markdownlint-cli2.yaml", ".markdownlint-cli2.cjs", ".markdownlint-cli2.mjs");

    /**
     * Writes the postmortems folder's markdownlint config, unless it has one. A folder's config replaces the one
     * above it, so one the repository keeps at its root is extended rather than lost; one that cannot be
     * extended (markdownlint-cli2's own file, JavaScript) is left alone and the two settings are printed instead.
     */
    private static void markdownlint(Context ctx, Path root, Path dir) throws InputException {
        for (String name : MARKDOWNLINT_FILES) {
            if (Files.exists(dir.resolve(name))) {
                return;
            }
        }
        String extend = null;
        for (String name : MARKDOWNLINT_FILES) {
            if (Files.exists(root.resolve(name))) {
                if (MARKDOWNLINT_FILES.indexOf(name) >= 4) {
                    ctx.out().println("markdownlint: " + ctx.names().of(root.resolve(name)) + " configures it here; "
                            + "for postmortems add MD025 front_matter_title: \"\" and MD013: false (README: "
                            + "markdownlint)");
                    return;
                }
                extend = dir.relativize(root.resolve(name)).toString().replace('\\', '/');
                break;
            }
        }
        byte[] content;
        try (InputStream in = InitCommand.class.getResourceAsStream("/pm/init.markdownlint.yaml")) {
            content = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new InputException("the built-in .markdownlint.yaml is missing from pm.jar; rebuild pm");
        }
        if (extend != null) {
            String text = new String(content, StandardCharsets.UTF_8);
            int body = text.indexOf("\n\n") + 2;
            content = (text.substring(0, body) + "# This repository's own rules, which this file would replace.\n"
                    + "extends: " + extend + "\n\n" + text.substring(body)).getBytes(StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(".markdownlint.yaml");
        AtomicFiles.createNew(file, content);
        ctx.out().println("Wrote " + ctx.names().of(file) + " (markdownlint: the title heading, line length)");
    }
}
