package pm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pm.report.Visible;

/** Opens a file in the user's editor ($VISUAL, else $EDITOR), without a shell. */
final class Editor {
    private Editor() {
    }

    static void open(Context ctx, Path file) {
        String editor = ctx.env().getOrDefault("VISUAL", "");
        if (editor.isBlank()) {
            editor = ctx.env().getOrDefault("EDITOR", "");
        }
        if (editor.isBlank()) {
            ctx.err().println("pm: --edit: set $VISUAL or $EDITOR to open "
                    + Visible.of(file.getFileName().toString()) + " (the file was created)");
            ctx.err().flush();
            return;
        }
        List<String> command = new ArrayList<>(Arrays.asList(editor.strip().split("\\s+")));
        command.add(file.toString());
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                ctx.err().println("pm: editor '" + Visible.of(command.get(0)) + "' exited with status " + code);
            }
        } catch (IOException e) {
            ctx.err().println("pm: cannot start editor '" + Visible.of(command.get(0)) + "': "
                    + Visible.of(e.getMessage()) + " (the file was created)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.err().flush();
    }
}
