package pm.model;

import java.util.regex.Pattern;

/**
 * What a follow-up asks for, as a reader judges it: "INFRA-2291: Add a disk alert at 85% (owner: @maria)" asks
 * to "Add a disk alert at 85%". Ticket ids, priority and timeframe prefixes, owner suffixes, links (their text
 * stays), status marks, hedges such as "(if possible)" and the "We will …" that opens a follow-up sentence are
 * not part of the judgment.
 */
public final class FollowUpText {
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("\\(?<?https?://[^\\s)>]+>?\\)?");
    private static final Pattern HEDGE = Pattern.compile("(?i)\\s*[(\\[](?:if\\s+(?:possible|feasible|needed"
            + "|necessary|time\\s+permits)|optional|stretch(?:\\s+goal)?|nice[\\s-]+to[\\s-]+have|tbd|maybe)[)\\]]");
    private static final Pattern OWNER = Pattern.compile("(?i)\\s*[(\\[]\\s*(?:owners?|assignee|assigned\\s+to|dri)"
            + "\\s*[:=]?\\s*[^)\\]]*[)\\]]|\\s*[(\\[]@[\\w.-]+[)\\]]|\\s+[—–-]+\\s*@[\\w.-]+\\s*$");
    /** Marks, ids, priorities and labels a follow-up may start with, one at a time. */
    private static final Pattern PREFIX = Pattern.compile("(?i)^(?:[\\s*_~>]+|\\[[ xX]\\]\\s*"
            + "|[\\u2600-\\u27BF\\x{1F300}-\\x{1FAFF}\\uFE0F\\u2B1C\\u2B1B\\u25A1\\u25A0]+\\s*"
            + "|\\[?(?-i:[A-Z][A-Z0-9]+-\\d+)\\]?\\s*[:\\-–—|]?\\s*|#\\d+\\s*[:\\-–—|]\\s*"
            + "|[\\[(]?P[0-4][\\])]?\\s*[:\\-–—|]\\s*|[\\[(]P[0-4][\\])]\\s*"
            + "|(?:critical|high|medium|low)(?:\\s+priority)?\\s*[:\\-–—|]\\s*"
            + "|\\(?(?:short|medium|long|longer|near)[\\s-]term\\)?\\s*[:\\-–—]?\\s*"
            + "|(?:follow[\\s-]?up|todo|to-do|action(?:\\s+item)?|ai|next\\s+step)\\s*[:\\-–—]\\s*)");
    /** How a follow-up sentence announces the work: "We will", "Going forward, we're going to", … */
    private static final Pattern ANNOUNCEMENT = Pattern.compile("(?i)^(?:(?:going\\s+forward|moving\\s+forward"
            + "|in\\s+the\\s+future|next|additionally|also|finally|in\\s+addition|as\\s+a\\s+result|first|second"
            + "|third|then|to\\s+(?:prevent|avoid|address)[^,]{1,60}),?\\s+)?(?:we|the\\s+team|our\\s+team)\\s*"
            + "(?:will|['’]ll|are\\s+going\\s+to|['’]re\\s+going\\s+to|plan\\s+to|are\\s+planning\\s+to"
            + "|['’]re\\s+planning\\s+to|intend\\s+to|need\\s+to|must|should(?!\\s+have)|want\\s+to|['’]d\\s+like\\s+to"
            + "|would\\s+like\\s+to|have\\s+to|are\\s+(?:now\\s+)?working\\s+on|['’]re\\s+(?:now\\s+)?working\\s+on)"
            + "\\s+(?:also\\s+|be\\s+)?");

    private FollowUpText() {
    }

    /** Verbs a follow-up starts with when it says what to do ("Add …", "Rotate …"), lower case. */
    private static final java.util.Set<String> VERBS = java.util.Set.of(("add adjust align alert allow apply archive"
            + " audit automate avoid back ban block build bump cap change check clean clear close configure consolidate"
            + " convert copy create cut deduplicate define delete deploy deprecate detect disable document downgrade drop"
            + " enable enforce ensure establish expand expire export extend fail file filter fix flag follow force"
            + " formalize formalise freeze gate generate give grant handle hide implement import include increase install"
            + " introduce isolate keep kill label launch limit link list load lock log lower make mark measure merge"
            + " migrate mirror move notify open page patch pin plan point populate post prevent print protect provide"
            + " publish pull purge push put raise rebuild record reduce refactor refresh reject release remove rename"
            + " replace report require reset resize restart restore restrict retire return revert revoke rewrite roll"
            + " rotate route run scale schedule scope send separate set setup share ship show shrink shut sign skip split"
            + " stage start stop store submit support switch sync tag teach test track train transfer trigger tune turn"
            + " unify update upgrade upload use validate verify version warn watch whitelist wire write get have ask"
            + " tell talk reach contact email invite hire assign agree decide replicate encrypt backup escalate"
            + " announce communicate inform review monitor investigate consider explore research evaluate assess improve"
            + " enhance harden strengthen tighten optimize optimise stabilize stabilise revise redesign refine"
            + " prioritize prioritise focus invest address sort work clarify minimize minimise maximize maximise"
            + " encourage promote strive aim try spend maintain grow determine identify understand learn study"
            + " continue look think figure discuss brainstorm reflect find do be go let stay double-check fill"
            + " ajouter créer mettre documenter passer configurer supprimer migrer vérifier toujours ne"
            + " always never").split(" "));

    /** Whether a lower-case word is a verb a follow-up may start with. */
    public static boolean isVerb(String word) {
        return VERBS.contains(word);
    }

    /** "The wiki page will be changed to …", "The Chia team is going to …": work announced in the passive or third person. */
    private static final Pattern FUTURE = Pattern.compile("(?i)^(?:[\\w'’-]+\\s+){1,6}?(?:will\\s+(?:be\\s+)?\\w+"
            + "|(?:is|are)\\s+going\\s+to|(?:is|are)\\s+(?:being\\s+)?(?:planned|scheduled|tracked)\\b)");

    /** The task a follow-up's title asks for ("" for none). */
    public static String task(String title) {
        if (title == null) {
            return "";
        }
        String t = title;
        if (t.indexOf('[') >= 0) {
            t = LINK.matcher(t).replaceAll("$1");
        }
        if (t.contains("://")) {
            t = URL.matcher(t).replaceAll("");
        }
        if (t.indexOf('(') >= 0 || t.indexOf('[') >= 0) {
            t = HEDGE.matcher(t).replaceAll("");
        }
        if (t.indexOf('@') >= 0 || t.indexOf('(') >= 0) {
            t = OWNER.matcher(t).replaceAll("");
        }
        for (int guard = 0; guard < 8 && mayHavePrefix(t); guard++) {
            java.util.regex.Matcher m = PREFIX.matcher(t);
            if (!m.lookingAt() || m.end() == 0) {
                break;
            }
            t = t.substring(m.end());
        }
        if (mayAnnounce(t)) {
            java.util.regex.Matcher a = ANNOUNCEMENT.matcher(t);
            if (a.lookingAt()) {
                t = t.substring(a.end());
            }
        }
        return t.strip();
    }

    private static final String[] PREFIX_WORDS = {"critical", "high", "medium", "low", "short", "long", "longer",
        "near", "follow", "todo", "to-do", "action", "ai", "next"};
    private static final String[] ANNOUNCING_WORDS = {"we", "the", "our", "going", "moving", "in", "next",
        "additionally", "also", "finally", "as", "first", "second", "third", "then", "to"};

    /** Whether {@link #PREFIX} may match: a mark, an id, a priority or a label word starts the text. */
    private static boolean mayHavePrefix(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        if (!Character.isLetter(c)) {
            return true; // marks, brackets, "#123", emoji
        }
        if ((c == 'P' || c == 'p') && t.length() > 1 && Character.isDigit(t.charAt(1))) {
            return true;
        }
        int i = 0;
        while (i < t.length() && Character.isUpperCase(t.charAt(i))) {
            i++;
        }
        if (i > 1 && i < t.length() && t.charAt(i) == '-') {
            return true; // "INFRA-2291"
        }
        return startsWithWord(t, PREFIX_WORDS);
    }

    /** Whether {@link #ANNOUNCEMENT} may match: the text starts with one of its first words. */
    private static boolean mayAnnounce(CharSequence t) {
        return startsWithWord(t.toString(), ANNOUNCING_WORDS);
    }

    private static boolean startsWithWord(String t, String[] words) {
        for (String w : words) {
            if (t.regionMatches(true, 0, w, 0, w.length()) && (t.length() == w.length()
                    || !Character.isLetter(t.charAt(w.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence of a follow-up section announces work: "We will …", "Going forward, we're going to …",
     * "The wiki page will be changed …", or an instruction ("Hire a SecOps engineer …").
     */
    public static boolean announcesWork(CharSequence sentence) {
        if (mayAnnounce(sentence) && ANNOUNCEMENT.matcher(sentence).lookingAt() || FUTURE.matcher(sentence).lookingAt()) {
            return true;
        }
        int end = 0;
        while (end < sentence.length() && Character.isLetter(sentence.charAt(end))) {
            end++;
        }
        return end > 1 && Character.isUpperCase(sentence.charAt(0)) && end < sentence.length()
                && sentence.charAt(end) == ' ' && VERBS.contains(sentence.subSequence(0, end).toString()
                .toLowerCase(java.util.Locale.ROOT));
    }
}
