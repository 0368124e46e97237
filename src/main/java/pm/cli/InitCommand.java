package pm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.io.AtomicFiles;
import pm.io.InputException;

/** {@code pm init}: writes a commented .pm.yml and creates the postmortems directory. */
@Command(name = "init",
        description = {"Set up pm in this repository: write a commented .pm.yml at its root and create "
                + "postmortems/.", "An existing .pm.yml is never overwritten."})
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
        ctx.out().println("Next: pm new \"<what broke>\"");
        ctx.out().flush();
        return 0;
    }
}
