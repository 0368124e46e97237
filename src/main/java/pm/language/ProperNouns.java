package pm.language;

import java.util.List;

/**
 * A part-of-speech tagger's view of which words of a sentence are proper nouns. pm ships none: the evaluation's
 * experiment plugs Apache OpenNLP in here to measure what a tagger would add (see the README's Accuracy section).
 */
@FunctionalInterface
public interface ProperNouns {
    /** For each word, whether it is a proper noun. */
    boolean[] tag(List<String> words);
}
