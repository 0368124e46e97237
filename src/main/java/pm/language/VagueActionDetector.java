package pm.language;

import static pm.language.LazyPattern.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges whether an action item title is actionable: a concrete change with a checkable end state.
 *
 * <p>Vagueness cues (an open-ended verb such as "improve", a comparative such as "safer", a request that
 * people try harder, a generic object such as "add monitoring") are outweighed by enough evidence of
 * specificity: numbers, code-like names, and mechanisms such as "by lowering…", "from X to Y",
 * "when …", "instead of …".
 */
public final class VagueActionDetector {

    /** A vagueness cue and how much specificity it takes to outweigh it. */
    private record Cue(LazyPattern cue, int specificityNeeded, String message, String suggestion) {
        Pattern pattern() {
            return cue.get();
        }
    }

    /** A cue so open that only a stated end state outweighs it ({@link #END_STATE}). */
    private static final int OPEN = 99;

    /** What bounds an investigation: "… and attach the findings to INC-1203", "… by 2024-06-01", "a decision by …". */
    private static final Pattern END_STATE = compile("\\b(?:and|then)\\s+(?:attach|file|open|write|report|post|share"
            + "|decide|document|fix|add|create|propose|record|publish)\\b[^.]{3,}|\\bby\\s+\\d{4}-\\d{2}-\\d{2}"
            + "|\\b(?:decision|findings|report|rfc|proposal|write-?up)\\s+(?:by|in|to|on)\\b");

    private static final String CONCRETE_END_STATE = "Name the concrete change and a checkable end state, e.g."
            + " \"Lower the disk alert threshold from 95% to 85%\".";
    private static final String BOUNDED_QUESTION = "Bound it: the question to answer, what marks it done (a"
            + " decision, a ticket with the fix) and a due date; or name the change itself.";

    /**
     * The item up to its first colon followed by whitespace ("Title: why it matters"): only the title is judged
     * for vagueness; the whole item counts as evidence.
     */
    private static String title(String item) {
        for (int i = item.indexOf(':'); i >= 0 && i + 1 < item.length(); i = item.indexOf(':', i + 1)) {
            char c = item.charAt(i + 1);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return item.substring(0, i);
            }
        }
        return item;
    }

    private static final Pattern PLACEHOLDER = compile("^\\W*(?:tbd|tbc|todo|fixme|wip|n/?a|none|\\?+|-+)?\\W*$");

    private static final List<Cue> CUES = List.of(
            new Cue(new LazyPattern("^\\W*(?:consider(?:ing)?|investigate|investiguer|look\\s+(?:into|at|for|deeper)"
                    + "|explore|exploring|research|think\\s+about|figure\\s+out|evaluate|re-?evaluate|reassess|assess"
                    + "|rethink|revisit|discuss|brainstorm|reflect|find\\s+a\\s+(?:way|path)|something\\s+about"
                    + "|continue\\s+to|keep\\s+(?:an\\s+eye|raising|working|improving|monitoring)|envisager|étudier"
                    + "|revoir|surveiller|analy[sz]er)\\b|\\b(?:(?:are|is|remain)\\s+committed\\s+to|pledge\\s+to"
                    + "|take\\s+[^.]{0,40}\\bseriously|will\\s+continue\\s+to|never\\s+finished|as\\s+an\\s+opportunity"
                    + "|might\\s+want\\s+to|may\\s+want\\s+to|it\\s+might\\s+be\\s+good)\\b")
                    .when(words("consider|investig|look into|look at|look for|look deeper|explor|research|think about"
                            + "|figure out|evaluat|assess|rethink|revisit|discuss|brainstorm|reflect|find a way"
                            + "|find a path|something about|continue to|keep|envisager|tudier|revoir|surveiller"
                            + "|analy|committed to|pledge to|seriously|never finished|opportunity"
                            + "|want to|might be good")), OPEN,
                    "\"%s\" is open-ended: it has no end state", BOUNDED_QUESTION),
            new Cue(new LazyPattern("^\\W*be\\s+\\w+|\\b(?:be\\s+(?:more|extra|very|really)\\s+\\w+|be\\s+(?:careful|vigilant|thorough"
                    + "|mindful|aware|deliberate)|remind\\w*|re-?train\\w*|train\\s+(?:the\\s+|our\\s+"
                    + "|all\\s+)?(?:[\\w-]+\\s+)?(?:team|engineers"
                    + "|developers|staff|people|everyone|on-call|responders|hires)"
                    + "|get\\s+(?:the\\s+)?(?:[\\w-]+\\s+){1,2}trained|educate\\w*|awareness"
                    + "|pay\\s+(?:more\\s+|closer\\s+)?attention|remember\\s+to|double-check|try\\s+(?:to|harder)"
                    + "|do\\s+a\\s+better\\s+job|get\\s+better\\s+at|keep\\s+an\\s+eye|communicate\\w*|discuss\\w*"
                    + "|(?:have|hold|schedule)\\s+a\\s+(?:retro|meeting|discussion|conversation|chat)"
                    + "|talk\\s+to)\\b")
                    .when(words("attention|awareness|be |communicate|discuss|do a better job|double-check|educate"
                            + "|better at|keep an eye|remember to|remind|talk to|train|try |chat|conversation|meeting"
                            + "|retro")), 2,
                    "\"%s\" asks people to try harder; nothing in the system changes",
                    "Replace it with a change that makes the mistake hard to make (a guard, a check, a default or"
                            + " an automation) and say how to verify it is in place."),
            new Cue(new LazyPattern("^\\W*(?:investigate|look\\s+(?:into|at)|review|revisit|reassess|re-?evaluate"
                    + "|rethink|consider|explore|think\\s+about|figure\\s+out|research|analy[sz]e|evaluate|assess"
                    + "|take\\s+(?:another|a)\\s+look|continue|follow\\s+up|monitor|keep\\s+monitoring|watch|plan"
                    + "|discuss|brainstorm|decide|determine|identify|understand|learn|study|explore|audit)\\b")
                    .when(words("analy|assess|consider|continue|evaluate|explore|figure out|follow up"
                            + "|investigate|look at|look into|monitor|plan|research|rethink|review|revisit"
                            + "|take a look|take another look|think about|watch|discuss|brainstorm|decide|determine"
                            + "|identify|understand|learn|study|audit")), 2,
                    "\"%s\" is open-ended: it has no end state", BOUNDED_QUESTION),
            new Cue(new LazyPattern("^\\W*(?:improve|enhance|harden|strengthen|tighten|optimi[sz]e|stabili[sz]e|revise"
                    + "|redesign|reconsider|refine|re-?architect|prioriti[sz]e|focus\\s+on|invest\\s+in"
                    + "|address|refactor|clean\\s+up|sort\\s+out|work\\s+on|clarify|ensure|make\\s+sure|prevent"
                    + "|avoid|handle|deal\\s+with|resolve|streamline|modernize|simplify|rework|overhaul|minimi[sz]e"
                    + "|maximi[sz]e|encourage|promote|raise\\s+awareness|strive|aim|try|spend\\s+(?:more\\s+)?time"
                    + "|keep|maintain|grow|build\\s+(?:up|out))\\b")
                    .when(words("address|architect|avoid|clarify|clean up|deal with|enhance|ensure"
                            + "|focus on|handle|harden|improve|invest in|make sure|modernize|optimi|overhaul|prevent"
                            + "|prioriti|reconsider|redesign|refactor|refine|resolve|revise|rework|simplify|sort out"
                            + "|stabili|streamline|strengthen|tighten|work on|minimi|maximi|encourage|promote"
                            + "|raise awareness|strive|aim|try|spend|keep|maintain|grow|build up|build out")), 2,
                    "\"%s\" does not say what changes or when it is done", CONCRETE_END_STATE),
            new Cue(new LazyPattern("^\\W*(?:update|document|fix|formali[sz]e|write\\s+up)\\s+(?:the\\s+|our\\s+|all\\s+"
                    + "|any\\s+)?(?:[\\w-]+\\s+){0,2}?(?:runbooks?|docs|documentation|readme|wiki|process(?:es)?"
                    + "|procedures?|tests?|issues?|problems?|bugs?|config(?:uration)?s?|playbooks?|guides?|response)"
                    + "\\W*$")
                    .when(words("update|document|fix|formali|write up")), 1,
                    "\"%s\" does not say what changes or when it is done", CONCRETE_END_STATE),
            new Cue(new LazyPattern("^\\W*(?:increase|reduce|decrease|lower|raise|speed\\s+up|scale(?:\\s+up|\\s+out)?"
                    + "|tune|upgrade|expand|extend|shorten|boost|cut)\\b")
                    .when(words("boost|cut|decrease|expand|extend|increase|lower|raise|reduce|scale|shorten|speed up"
                            + "|tune|upgrade")), 2,
                    "\"%s\" has no target value",
                    "Give the target: from what to what, e.g. \"from 40 to 80 nodes\" or \"to version 1.9.4\"."),
            new Cue(new LazyPattern("\\b(?:better|safer|clearer|easier|faster|simpler|stronger|tighter|cleaner|smoother"
                    + "|quicker|more(?!\\s+than)\\s+\\w+|less(?!\\s+than)\\s+\\w+|fewer(?!\\s+than)"
                    + "|(?:where|if|as)\\s+(?:needed|necessary|possible|required|appropriate)|at\\s+some\\s+point"
                    + "|eventually|going\\s+forward|in\\s+the\\s+future|somehow|again|recurrence|similar\\s+issues"
                    + "|things|the\\s+situation|options|further|gaps?|the\\s+(?:bug|issue|problem)s?|in\\s+general"
                    + "|etc|best\\s+practices?|have\\s+someone|someone|next\\s+sprint|asap|soon)\\b")
                    .when(words("again|appropriate|necessary|needed|possible|required|asap|at some point"
                            + "|best practice|better|cleaner|clearer|easier|etc|eventually|faster|fewer|further|gap"
                            + "|going forward|someone|in general|in the future|less |more |next sprint|options"
                            + "|quicker|recurrence|safer|similar issues|simpler|smoother|somehow|soon|stronger"
                            + "|the bug|the issue|the problem|the situation|things|tighter")), 2,
                    "\"%s\" has no measurable end state",
                    "Say what will be different and how to check it: a threshold, a config value, a test or an"
                            + " alert."),
            new Cue(new LazyPattern("\\b(?:regular(?:ly)?|periodic(?:ally)?|continuous(?:ly)?|proactive(?:ly)?"
                    + "|ongoing|constant(?:ly)?|always|never\\s+again|in\\s+good\\s+time|as\\s+soon\\s+as\\s+possible"
                    + "|properly|appropriate(?:ly)?|adequate(?:ly)?|sufficient(?:ly)?|robust|reliabl[ey]|enhanced|improved"
                    + "|stronger|more\\s+resilient|resilien(?:t|ce))\\b")
                    .when(words("regular|periodic|continuous|proactive|ongoing|constant|always|never again|good time"
                            + "|as soon as possible|properly|appropriate|adequate|sufficient|robust|reliabl|enhanced"
                            + "|improved|stronger|resilien")), 2,
                    "\"%s\" has no measurable end state",
                    "Say what will be different and how to check it: an interval, a threshold, a config value, a"
                            + " test or an alert."),
            new Cue(new LazyPattern("\\b(?:should|must|needs?\\s+to|has\\s+to|have\\s+to|ought\\s+to)\\s+be\\s+"
                    + "(?:\\w+ly\\s+)?\\w+(?:ed|en)\\b|\\b(?:is|are)\\s+(?:needed|required|necessary|desirable"
                    + "|important|key|essential|valuable)\\b")
                    .when(words(" be |needed|required|necessary|desirable|important|key|essential|valuable")), 2,
                    "\"%s\" states a wish, not a change",
                    "Name who changes what: the change itself, e.g. \"Revoke npm tokens older than 90 days in the"
                            + " release pipeline\"."),
            new Cue(new LazyPattern("^\\W*(?:add|set\\s+up|write|create|implement|introduce|build|put\\s+in\\s+place"
                    + "|put|use"
                    + "|adopt|enable|define|establish|draft|develop)\\s+(?:an?\\s+|(?:more|better|some"
                    + "|additional|proper|extra|new)\\s+)?(?:monitoring|alerting|alerts?|logging|logs|tests?|testing"
                    + "|test\\s+coverage"
                    + "|coverage|documentation|docs|metrics|observability|dashboards?|retries|error\\s+handling"
                    + "|safeguards|guardrails|checks|validation|automation|redundancy|runbooks|controls|measures"
                    + "|(?:\\w+\\s+)?(?:plan|strategy|roadmap|proposal|process|framework|guidelines))\\b")
                    .when(words("add |adopt |build |create |define |develop |draft |enable |establish |implement "
                            + "|introduce |put |set up |use |write "),
                            words("alert|automation|checks|controls|coverage|dashboard|docs|documentation"
                            + "|error handling|framework|guardrails|guidelines|logging|logs|measures|metrics"
                            + "|monitoring|observability|plan|process|proposal|redundancy|retries|roadmap|runbooks"
                            + "|safeguards|strategy|test|validation")), 1,
                    "\"%s\" does not say what to watch or when to act",
                    "Name the signal, the threshold and the action, e.g. \"Alert when consumer lag exceeds 10,000"
                            + " messages for 10 minutes\"."));

    /** Numbers and code-like names: worth two points. Case-sensitive, to see camelCase. */
    private static final Pattern STRONG_SPECIFICS = Pattern.compile(
            "\\d|`|README|CODEOWNERS|CHANGELOG|Makefile|Dockerfile|Jenkinsfile|\\w\\.\\w{1,5}\\b|\\w/(?:\\w|\\s|$)"
                    + "|\\w_\\w|=|--\\w|\\p{Ll}\\p{Lu}|#\\w|\\*|\"[^\"]+\"");
    /** A change of content that names what goes in: "… to include the fencing step". Worth two points. */
    private static final Pattern CONTENT_CHANGE = compile("\\bto\\s+(?:include|list|cover|mention|require|reject"
            + "|block|use|point\\s+at)\\s+(?!(?:more|better|additional|other|further|some|any)\\b)\\w+");
    /** Mechanisms and conditions: one point each. */
    private static final List<Pattern> MECHANISMS = List.of(
            compile("\\bso\\s+(?:that|it|they|the)\\b"),
            compile("\\bby\\s+\\w+ing\\b"),
            compile("\\bfrom\\s+.+?\\s+to\\s+"),
            compile("\\b(?:instead\\s+of|rather\\s+than)\\b"),
            compile("\\b(?:when|whenever|unless|until|before|after)\\s+(?:the\\s+|a\\s+|an\\s+|any\\s+)?\\w+"),
            compile("\\bif\\s+(?!needed|necessary|possible|required|appropriate)\\w+"),
            compile("\\b(?:exceeds?|above|below|within|per)\\b"),
            compile("\\b(?:every|each)\\s+\\w+"),
            compile("\\brequir(?:e|es|ing)\\b"),
            compile("\\bonly\\s+(?:from|through|via|to|for|in|on|by|when|if)\\b"),
            compile("\\band\\s+(?:add|remove|set|enable|disable|block|alert|fail|attach|link|record|page|delete"
                    + "|revoke|rotate|grant|move|pin|post|publish|send|store)\\s+(?:a|an|the|it|every|all|when"
                    + "|if)\\b"));

    /** Skips the cues whose words are not in a title (see {@link Prefilter}). */
    private static final Prefilter CUE_FILTER = new Prefilter(cueTriggers());

    private static List<List<Set<String>>> cueTriggers() {
        List<List<Set<String>>> out = new ArrayList<>(CUES.size());
        for (Cue c : CUES) {
            out.add(c.cue().triggers());
        }
        return out;
    }

    /** The vagueness cues' expressions with their trigger words, in order. */
    static List<LazyPattern> cues() {
        List<LazyPattern> out = new ArrayList<>(CUES.size());
        for (Cue c : CUES) {
            out.add(c.cue());
        }
        return out;
    }

    /**
     * Whether the words before a colon are a label over the follow-up ("Enhanced monitoring: alert when …"), not
     * its title ("Add a WAL alert: the archiver fails silently"): a label starts with no verb.
     */
    static boolean isLabel(String head) {
        String t = head.strip();
        if (t.isEmpty() || wordCount(t) > 5) {
            return false;
        }
        int end = 0;
        while (end < t.length() && (Character.isLetter(t.charAt(end)) || t.charAt(end) == '-')) {
            end++;
        }
        String first = t.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        return !first.isEmpty() && !pm.model.FollowUpText.isVerb(first);
    }

    public Optional<VagueFinding> check(String actionItem) {
        String item = actionItem == null ? "" : actionItem.strip();
        if (PLACEHOLDER.matcher(item).matches()) {
            return Optional.of(new VagueFinding(
                    item.isEmpty() ? "The action item is empty"
                            : "\"%s\" is a placeholder, not an action".formatted(item),
                    "Write the concrete change, the artefact it touches and how to check that it is done."));
        }
        int specificity = -1; // weighed only once a cue is found: most items have none
        int colon = labelEnd(item);
        if (colon > 0) {
            item = item.substring(colon).strip(); // "Redundancy: deploy a second DHCP server" asks the second part
        }
        String title = title(item);
        boolean[] can = CUE_FILTER.scan(title).candidates(0, title.length());
        for (int i = 0; i < CUES.size(); i++) {
            if (!can[i]) {
                continue;
            }
            Cue cue = CUES.get(i);
            Matcher m = cue.pattern().matcher(title);
            if (!m.find()) {
                continue;
            }
            boolean vague;
            if (cue.specificityNeeded() == OPEN) {
                vague = !END_STATE.matcher(item).find();
            } else {
                if (specificity < 0) {
                    specificity = specificity(item, MOST_NEEDED); // no cue needs more: counting stops there
                }
                vague = specificity < cue.specificityNeeded();
            }
            if (vague) {
                String phrase = m.group().replaceAll("^\\W+", "").strip();
                return Optional.of(new VagueFinding(cue.message().formatted(phrase), cue.suggestion()));
            }
        }
        return Optional.empty();
    }

    /** Where the follow-up starts after a label and its colon ("Redundancy: …"), or 0 when there is none. */
    private static int labelEnd(String item) {
        int colon = item.indexOf(':');
        if (colon <= 0 || colon + 1 >= item.length() || !Character.isWhitespace(item.charAt(colon + 1))) {
            return 0;
        }
        String rest = item.substring(colon + 1).strip();
        return wordCount(rest) >= 3 && isLabel(item.substring(0, colon)) ? colon + 1 : 0;
    }

    /** How many words (runs of non-space characters) a text has. */
    private static int wordCount(String s) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                count++;
            }
            in = !space;
        }
        return count;
    }

    /** The most specificity any cue but an open one needs. */
    private static final int MOST_NEEDED = 2;

    /** The item's points of specificity, counted up to {@code enough}. */
    private static int specificity(String item, int enough) {
        int points = STRONG_SPECIFICS.matcher(item).find() || CONTENT_CHANGE.matcher(item).find() ? 2 : 0;
        for (int i = 0; i < MECHANISMS.size() && points < enough; i++) {
            if (MECHANISMS.get(i).matcher(item).find()) {
                points++;
            }
        }
        return points;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
