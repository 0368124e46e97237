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
import pm.model.Postmortem;
import pm.model.ProseBlock;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/**
 * Prints every blame finding in the prose of a folder of postmortems, with its sentence context, for a
 * human read. {@code RealPostmortems [folder]}; the folder defaults to {@code ../shared/data/real-postmortems}.
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
        PostmortemParser parser = new PostmortemParser(Schema.DEFAULT);
        int findings = 0;
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
        }
        System.out.printf("%d findings in %d files%n", findings, files.size());
    }

    private static String context(String text, BlameFinding f) {
        int from = Math.max(0, f.start() - CONTEXT);
        int to = Math.min(text.length(), f.end() + CONTEXT);
        return (text.substring(from, f.start()) + "[[" + text.substring(f.start(), f.end()) + "]]"
                + text.substring(f.end(), to)).replaceAll("\\s+", " ");
    }
}
