package pm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.git.GitConfig;
import pm.people.People;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.report.Visible;
import pm.scaffold.Scaffold;
import pm.scaffold.Slug;
import pm.scaffold.Templates;

/** {@code pm new TITLE}: scaffolds a postmortem from a template. */
@Command(name = "new",
        description = {"Create a postmortem from the eight-section template and print its path.",
                "The file is <dir>/<date>-<title-slug>.md; an existing file is never overwritten."},
        footer = {"", "Example:", "  pm new \"Payment API outage\" --severity SEV2 --service payments --edit"})
public final class NewCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;


    @Parameters(index = "0", paramLabel = "TITLE", description = "What broke, e.g. \"Payment API outage\".")
    String title;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "Incident date (default: today, UTC).")
    LocalDate date;

    @Option(names = "--severity", paramLabel = "SEV", description = "Severity, e.g. SEV2 (allowed values: "
            + "'severities' in .pm.yml, default SEV1-SEV4).")
    String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "An affected service (repeatable).")
    List<String> services = new ArrayList<>();

    @Option(names = "--author", paramLabel = "NAME", description = "An author (repeatable; default: git config "
            + "user.name). A person listed under people: in .pm.yml is written as their handle.")
    List<String> authors = new ArrayList<>();

    @Option(names = "--template", paramLabel = "NAME", defaultValue = Templates.DEFAULT,
            description = "Template: postmortem (default), near-miss, security, or one from templates_dir.")
    String template;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write (default: postmortems_dir from "
            + ".pm.yml, else postmortems/ at the repository root).")
    String dir;

    @Option(names = "--edit", description = "Open the new file in $VISUAL or $EDITOR.")
    boolean edit;

    @Mixin
    StandardOptions standard;

    /**
     * The authors: --author, else the git identity; each through the team's people map, so the file names the
     * person by the handle owners use ("Sam Okafor" or sam@example.com becomes "@sam").
     */
    private List<String> authors(Context ctx, People people) {
        if (!authors.isEmpty()) {
            return authors.stream().map(people::canonical).distinct().toList();
        }
        Optional<String> name = GitConfig.userName(ctx.cwd());
        Optional<People.Person> person = name.flatMap(people::find)
                .or(() -> GitConfig.userEmail(ctx.cwd()).flatMap(people::find));
        return person.map(p -> List.of(p.handle())).orElseGet(() -> name.map(List::of).orElse(List.of()));
    }

    @Override
    public Integer call() throws InputException {
        Context ctx = parent.context();
        if (title.isBlank()) {
            throw new InputException("the title is empty; say what broke, e.g. pm new \"Payment API outage\"");
        }
        refuseControlCharacters(title.strip());
        Config config = Settings.load(ctx.cwd()).config();
        LocalDate day = date != null ? date : LocalDate.now(ctx.clock());
        String sev = severity == null ? null : Converters.severities(List.of(severity), config.schema()).get(0);
        List<String> who = authors(ctx, config.directory());
        String text = Scaffold.render(new Templates(config.templatesDir()).load(template), title.strip(), day, sev,
                services, who);

        Path target = dir != null ? ctx.resolve(dir) : config.postmortemsDir();
        AtomicFiles.createDirectories(target);
        Path file = target.resolve(day + "-" + Slug.of(title) + ".md");
        AtomicFiles.createNew(file, text.getBytes(StandardCharsets.UTF_8));
        ctx.out().println(ctx.names().of(file));
        ctx.out().flush();
        if (edit) {
            Editor.open(ctx, file);
        }
        return 0;
    }

    /**
     * A title is one line of plain text: a line break would end the heading it fills (and start lines of the
     * author's choosing), an escape would drive the terminal of whoever reads it.
     */
    private static void refuseControlCharacters(String title) throws InputException {
        int at = Visible.firstControl(title);
        if (at >= 0) {
            char c = title.charAt(at);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            throw new InputException("the title holds " + (lineBreak ? "a line break" : "a control character") + " ("
                    + Visible.escape(c) + " at character " + (at + 1) + "); give it as plain text on one line, e.g. "
                    + "pm new \"Payment API outage\"");
        }
    }
}
