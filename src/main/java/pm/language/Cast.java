package pm.language;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import pm.language.Lexicon.Kind;

/**
 * Who is who in one postmortem: the people it names (its authors and action-item owners, the team's configured
 * people, any {@code @handle}) and the programs (its {@code services}, and a capitalised word the file also uses as
 * a program: in code, in lower case, or before "pod", "service" and the like). Blame needs a person; this keeps
 * "Loki was scheduled in the wrong zone" about a program even though Loki looks like a name.
 */
public final class Cast {
    /** Nobody known: what a sentence on its own is read with. */
    public static final Cast NONE = new Cast(List.of(), List.of(), "", null);

    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}@._-]+");
    private static final Set<String> PROGRAM_NOUNS = Set.of("pod", "pods", "service", "services", "server",
            "servers", "cluster", "clusters", "instance", "instances", "container", "containers", "node", "nodes",
            "job", "jobs", "daemon", "api", "app", "bot", "database", "deployment", "controller", "operator",
            "agent", "worker", "workers", "process", "config", "configuration", "plugin", "chart", "image",
            "version", "release", "logs", "dashboard", "stack", "helm", "namespace", "volume", "sidecar");

    private Set<String> people;
    private Set<String> programs;
    private final List<String> peopleNames;
    private final List<String> programNames;
    private final String source;
    private final ConcurrentHashMap<String, Boolean> usedAsProgram = new ConcurrentHashMap<>();
    private final ProperNouns properNouns;

    private Cast(List<String> people, List<String> programs, String source, ProperNouns properNouns) {
        this.peopleNames = people;
        this.programNames = programs;
        this.source = source;
        this.properNouns = properNouns;
    }

    /** The same cast, asking a tagger which capitalised words are proper nouns (an experiment; pm ships none). */
    public Cast withProperNouns(ProperNouns tagger) {
        return new Cast(peopleNames, programNames, source, tagger);
    }

    /** The tagger this cast asks, or null. */
    ProperNouns properNouns() {
        return properNouns;
    }

    /**
     * @param people   names and handles of people ("Sam Okafor", "@sam"): each word of them counts, in any case
     * @param programs names of programs and services ("payments-api", "Loki")
     * @param source   the whole file, to tell a name used as a program
     */
    public static Cast of(List<String> people, List<String> programs, String source) {
        // the names are split into words only when a sentence first asks: most files never do
        return new Cast(people, programs, source == null ? "" : source, null);
    }

    private static Set<String> words(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            if (n == null) {
                continue;
            }
            for (String w : WORD_SPLIT.split(n.toLowerCase(Locale.ROOT))) {
                String bare = w.startsWith("@") ? w.substring(1) : w;
                if (bare.length() > 1) {
                    out.add(bare);
                }
            }
        }
        return Set.copyOf(out);
    }

    /** What a word refers to in this file: the file's people and programs first, then {@link Lexicon#classify}. */
    Kind classify(Token token) {
        if (people == null) {
            people = words(peopleNames);
            programs = words(programNames);
        }
        String bare = token.bare();
        if (bare.startsWith("@")) {
            return Kind.PERSON;
        }
        if (!people.isEmpty() && people.contains(bare)) {
            return Kind.PERSON;
        }
        if (!programs.isEmpty() && programs.contains(bare)) {
            return Kind.SYSTEM;
        }
        Kind kind = Lexicon.classify(token);
        if ((kind == Kind.PERSON || kind == Kind.MAYBE) && Lexicon.isProperName(token) && usedAsProgram(token)) {
            return Kind.SYSTEM;
        }
        return kind;
    }

    /** Whether the file uses a name as a program: in lower case or in code ("loki"), or before "pod" ("Loki pod"). */
    private boolean usedAsProgram(Token token) {
        if (source.isEmpty()) {
            return false;
        }
        String name = Lexicon.withoutPossessive(token.text());
        return usedAsProgram.computeIfAbsent(name, this::findProgramUse);
    }

    private boolean findProgramUse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int at = source.indexOf(lower); at >= 0; at = source.indexOf(lower, at + 1)) {
            if (!wordAt(source, at, lower.length())) {
                continue;
            }
            char before = at > 0 ? source.charAt(at - 1) : ' ';
            char after = at + lower.length() < source.length() ? source.charAt(at + lower.length()) : ' ';
            if (before != '@' && after != '@') {
                return true; // "loki" written in lower case: a command, a package, a host
            }
        }
        for (int at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
            if (!wordAt(source, at, name.length())) {
                continue;
            }
            int next = at + name.length();
            while (next < source.length() && (source.charAt(next) == ' ' || source.charAt(next) == '-')) {
                next++;
            }
            int end = next;
            while (end < source.length() && Character.isLetter(source.charAt(end))) {
                end++;
            }
            if (PROGRAM_NOUNS.contains(source.substring(next, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordAt(String s, int at, int length) {
        boolean startOk = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
        int end = at + length;
        return startOk && (end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)));
    }
}
