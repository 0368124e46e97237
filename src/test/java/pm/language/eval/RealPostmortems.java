package pm.language.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import pm.io.InputException;
import pm.io.TextFiles;
import pm.language.BlameDetector;
import pm.language.BlameFinding;
import pm.language.VagueActionDetector;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.model.ProseBlock;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/**
 * Prints every blame finding in the prose of a folder of postmortems, with its context, and every action
 * item judged vague, for a human read. {@code RealPostmortems [folder]}; the folder defaults to
 * {@code ../shared/data/real-postmortems}.
 */
public final class RealPostmortems {

    private static final int CONTEXT = 90;

    private RealPostmortems() {
    }

    public static void main(String[] args) throws IOException, InputException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/real-postmortems");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        BlameDetector detector = new BlameDetector();
        VagueActionDetector vague = new VagueActionDetector();
        PostmortemParser parser = new PostmortemParser(Schema.DEFAULT);
        int findings = 0;
        int vagueItems = 0;
        int items = 0;
        for (Path file : files) {
            Postmortem postmortem = parser.parse(file, TextFiles.read(file));
            for (ProseBlock block : postmortem.prose()) {
                for (BlameFinding f : detector.find(block.text())) {
                    findings++;
                    int line = postmortem.source().line(block.sourceOffset(f.start()));
                    System.out.printf("%s:%d [%s] %s%n    …%s…%n", file.getFileName(), line, f.family(),
                            f.message(), context(block.text(), f));
                }
            }
            for (ActionItem item : postmortem.bodyActionItems()) {
                items++;
                if (vague.check(item.title()).isPresent()) {
                    vagueItems++;
                    System.out.printf("%s: vague action item: %s%n", file.getFileName(), item.title());
                }
            }
        }
        System.out.printf("%d blame findings in %d files; %d of %d action items vague%n", findings, files.size(),
                vagueItems, items);
    }

    private static String context(String text, BlameFinding f) {
        int from = Math.max(0, f.start() - CONTEXT);
        int to = Math.min(text.length(), f.end() + CONTEXT);
        return (text.substring(from, f.start()) + "[[" + text.substring(f.start(), f.end()) + "]]"
                + text.substring(f.end(), to)).replaceAll("\\s+", " ");
    }
}
