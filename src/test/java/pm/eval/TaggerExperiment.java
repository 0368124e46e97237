package pm.eval;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import pm.language.ProperNouns;

/**
 * Does a part-of-speech tagger earn its place in blame-language? Runs the real-text evaluation twice, without and
 * with Apache OpenNLP 2.5's UD English POS model deciding which capitalised words may be names (it is asked only
 * for the sentences a blame pattern matched in), and reports the figures, the model's load time in this fresh JVM
 * and the tagging time. {@code TaggerExperiment [--corpus DIR] [--shared DIR]}
 */
public final class TaggerExperiment {
    private TaggerExperiment() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared/data");
        Path corpus = Path.of("../corpus/files");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus")) {
                corpus = Path.of(args[++i]);
            } else if (args[i].equals("--shared")) {
                shared = Path.of(args[++i]);
            }
        }
        long t0 = System.nanoTime();
        POSModel model;
        try (InputStream in = TaggerExperiment.class.getResourceAsStream("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")) {
            model = new POSModel(in);
        }
        POSTaggerME tagger = new POSTaggerME(model);
        long loaded = System.nanoTime() - t0;
        AtomicLong tagNanos = new AtomicLong();
        AtomicLong sentences = new AtomicLong();
        ProperNouns proper = words -> {
            long s = System.nanoTime();
            String[] tags;
            synchronized (tagger) { // POSTaggerME is not thread-safe
                tags = tagger.tag(words.toArray(String[]::new));
            }
            boolean[] out = new boolean[tags.length];
            for (int i = 0; i < tags.length; i++) {
                out[i] = tags[i].equals("PROPN");
            }
            tagNanos.addAndGet(System.nanoTime() - s);
            sentences.incrementAndGet();
            return out;
        };
        Map<String, RealTextEvaluation.Result> without = new RealTextEvaluation(shared, corpus).run(null);
        Map<String, RealTextEvaluation.Result> with = new RealTextEvaluation(shared, corpus, proper).run(null);
        for (String split : without.keySet()) {
            RealTextEvaluation.Result a = without.get(split);
            RealTextEvaluation.Result b = with.get(split);
            System.out.printf(Locale.ROOT, "%s  blame-language without a tagger: P %.2f R %.2f (tp %d fp %d fn %d); "
                    + "errors P %.2f R %.2f%n", split, a.blame.precision(), a.blame.recall(), a.blame.tp, a.blame.fp,
                    a.blame.fn, a.blameErrors.precision(), a.blameErrors.recall());
            System.out.printf(Locale.ROOT, "%s  blame-language with OpenNLP:     P %.2f R %.2f (tp %d fp %d fn %d); "
                    + "errors P %.2f R %.2f%n", split, b.blame.precision(), b.blame.recall(), b.blame.tp, b.blame.fp,
                    b.blame.fn, b.blameErrors.precision(), b.blameErrors.recall());
        }
        System.out.printf(Locale.ROOT, "model load in a fresh JVM: %d ms; %d sentences tagged in %d ms (%.0f us each)%n",
                loaded / 1_000_000, sentences.get(), tagNanos.get() / 1_000_000,
                sentences.get() == 0 ? 0.0 : tagNanos.get() / 1000.0 / sentences.get());
    }
}
