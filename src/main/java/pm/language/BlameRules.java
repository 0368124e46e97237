package pm.language;

import static pm.language.LazyPattern.words;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pm.language.BlameRule.Actor;

/** The built-in blame patterns, most specific first, and the patterns of sentences that reject blame. */
final class BlameRules {

    static final String FAULT = "fault";
    static final String COUNTERFACTUAL = "counterfactual";
    static final String HUMAN_ERROR = "human-error";
    static final String CHARACTER = "character";
    static final String QUESTION = "judgmental-question";
    static final String HINDSIGHT = "hindsight";

    static final String SIGNAL_MISSED =
            "Describe what made the signal easy to miss: which alert, dashboard or check was absent or unclear?";
    static final String STEP_SKIPPED = "Describe what made the step easy to skip: was it manual, optional or"
            + " invisible? Name the check or automation that would enforce it.";
    static final String DECISION = "Describe what the person knew and saw at the time and why the action made"
            + " sense then; what would have made the safer path the easy one?";
    static final String CONDITIONS = "Name the conditions instead of the person: what let this action cause"
            + " harm, and what would have caught it?";
    static final String MECHANISM = "Replace the label with the mechanism: which tool, default or missing"
            + " guardrail made the error possible and costly?";
    static final String CONTEXT = "Describe the action and its context (time pressure, tooling, information"
            + " available) instead of judging the person.";
    static final String ASK_SYSTEM = "Ask about the system instead: \"What made this easy to miss?\" or"
            + " \"What information was missing at the time?\"";
    static final String AT_THE_TIME = "Describe what was actually visible at the time and why it did not stand"
            + " out; the outcome is only known now.";
    static final String WRONG_TARGET = "Describe what made the wrong choice look right: how did the tool show"
            + " which one was selected?";

    private static final String APOS = "['’]";
    private static final String NEGATION = "(?:(?:did|had)(?:\\s+not|n" + APOS + "t)|never|nor\\s+did\\s+"
            + "(?:he|she|they|we|i|you))";
    private static final String ATTENTION = "\\s+(?:any\\s+|enough\\s+|proper\\s+|close\\s+|closer\\s+|much\\s+"
            + "|more\\s+)?attention";
    /** Verbs of perception and thought: only people do these, so an unknown subject is enough. */
    private static final String MIND = "notice|noticed|realize|realized|realise|realised|spot|spotted|heed|heeded"
            + "|understand|understood|consider|considered|anticipate|anticipated|remember|remembered|bother"
            + "|bothered|double-check|double-checked|question|questioned|think\\s+to|thought\\s+to"
            + "|pay" + ATTENTION + "|paid" + ATTENTION;
    /** Verbs of procedure: systems do these too, so the subject must be a person. */
    private static final String STEP = "check|checked|test|tested|verify|verified|validate|validated|confirm"
            + "|confirmed|follow|followed|read|review|reviewed|update|updated|wait|waited|escalate|escalated"
            + "|communicate|communicated|ask|asked|tell|told|inform|informed|notify|notified|warn|warned"
            + "|coordinate|coordinated|acknowledge|acknowledged|look|looked|account\\s+for|accounted\\s+for|run|ran"
            + "|declare|declared";
    private static final String SHOULD_MIND = "noticed|realized|realised|spotted|heeded|understood"
            + "|known(?:\\s+better)?|thought\\s+(?:of|about|to)|considered|anticipated|remembered|double-checked"
            + "|questioned|paid" + ATTENTION
            + "|been\\s+(?:more\\s+|extra\\s+|much\\s+more\\s+)?"
            + "(?:careful|thorough|cautious|vigilant|attentive|diligent)"
            + "|been\\s+(?:watching|monitoring|paying\\s+attention|looking|checking|keeping\\s+an\\s+eye)";
    private static final String SHOULD_HAVE = "\\bshould(?:n" + APOS + "t|\\s+not|\\s+never)?(?:\\s+have|" + APOS
            + "ve)\\s+(?:(?:\\w+ly|just|also|at\\s+least|first|never)\\s+)?";
    private static final String FAILED_TO = "\\bfail(?:ed|s|ing)\\s+to\\s+(?:\\w+ly\\s+)?";
    private static final String ROLE = "(?:engineer|developer|operator|person|admin|administrator|sre|dba"
            + "|reviewer|professional|on-call|programmer)s?";
    private static final String WORD = "[\\p{L}@][\\p{L}\\p{N}@'’_-]*";
    /** A past participle: regular, or one of the irregular ones an incident write-up uses. */
    private static final String PARTICIPLE = "(?:[\\w-]+ed|read|paid|known|seen|done|run|rerun|taken|made|thought"
            + "|caught|kept|left|gone|written|chosen|understood|spent|told|put|set|let|shut|cut|hit|sent|built"
            + "|brought|given|found|held|begun|shown|drawn|broken|frozen|stuck|sought|taught|thrown|withdrawn"
            + "|overridden|overwritten|rewritten|undone|mistaken|misread|misunderstood|foreseen|forgotten"
            + "|spoken|struck|torn|won|lost|meant|dealt|heard|led|felt|stood|woken)\\b";
    /**
     * What "lazy" describes in software ("lazy loading", "lazy DB lookups", "lazily-evaluated"): a known
     * term, or a nominalised or participial word, optionally after an acronym.
     */
    private static final String TECHNICAL_TERM = "(?:(?-i:\\p{Lu}{2,}s?)\\s+)?(?:init|mode|val|var|eval|binding"
            + "|imports?|iterators?|sequences?|propert(?:y|ies)|\\w+(?:ups?|ing|ion|ions|ed|es))\\b";
    /** Warnings someone acted against: "despite repeated warnings", "in spite of the DBA's objections". */
    private static final String WARNINGS = "(?:the\\s+|an?\\s+)?(?:\\w+" + APOS + "s\\s+)?(?:clear\\s+"
            + "|repeated\\s+|multiple\\s+|several\\s+|numerous\\s+|explicit\\s+|obvious\\s+)?"
            + "(?:warnings?|objections?|advice|concerns"
            + "|pushback|red\\s+flags)\\b";
    /** Things a person can miss or ignore. */
    private static final String SIGNAL = "alerts?|pages?|warnings?|signs?|signals?|notifications?|emails?"
            + "|messages?|errors?|steps?|regressions?|bugs?|typos?";
    /** Verbs of trying: "failed to reproduce" reports an outcome, not a failing. */
    private static final String EFFORT = "(?:reproduce[ds]?|replicated?|find|found|locate[ds]?|identif(?:y|ied)"
            + "|determined?|pinpoint(?:ed)?|isolated?|diagnosed?|reach(?:ed)?|contact(?:ed)?|connect(?:ed)?|get|got"
            + "|obtain(?:ed)?|access(?:ed)?|restored?|recover(?:ed)?|resolved?|log\\s+in|login|authenticated?|load"
            + "|loaded|start(?:ed)?|complete[ds]?|finish(?:ed)?|keep\\s+up|kept\\s+up)";
    private static final String FUNCTION_WORD = "(?:in|on|at|to|into|for|from|and|or|of|with|by|because|which"
            + "|that|during|after|before|when|while|so|but|as|than)";
    // the lookahead only fails fast where no word of the list starts (the lookbehind reading it tries ~90 places)
    static final String NEGATIVE_EVENT = "(?=[bcdefhilopsrw])(?:outage|incident|broke|broken|failed|failure|down|lost"
            + "|wiped|expired|deleted|dropped|crashed|corrupted|leaked|exposed|happened|started|lasted|duplicated"
            + "|pulled|errors?|degraded|stalled|rejected|blocked|went\\s+wrong)";
    private static final String AUXILIARY = "(?:had|has|have|was|were|is|are|did|does|would|could|should)\\b";
    private static final String ACTIVE_PAST = "(?!(?:was|were|is|are|had|has|have|did|does|thought|believed"
            + "|assumed|expected|understood|knew|felt|seemed|needed|wanted)\\b)(?:\\w+ed|forgot|ran|took|broke"
            + "|made|chose|put|set|left|sent|went|wrote|read|gave|kept|let|misread|mistook|overrode|undid|pushed)";

    static final List<BlameRule> ALL = List.of(
            // judgmental questions
            rule(QUESTION, Actor.SUBJECT_GROUP, "^\\W*(?:why\\s+(?:on\\s+earth\\s+)?(?:(?:did|would|could|had"
                    + "|has|have|do|does|was|were)(?:n" + APOS + "t)?|can(?:not|" + APOS + "t)?)|how\\s+(?:on\\s+earth"
                    + "\\s+)?(?:did|would|could|had|has|have)(?:n" + APOS + "t)?)\\s+(?:not\\s+)?"
                    + "(?!(?:we|i)\\b)(?<subj>" + WORD + ")(?=[^?]*\\?)",
                    "\"%s\" asks who to blame", ASK_SYSTEM)
                    .when(words("why |how ")),
            rule(QUESTION, Actor.ANY, "^\\W*who\\s+(?:\\w+ly\\s+)?(?:approved|decided|signed\\s+off|thought"
                    + "|allowed|let|merged|pushed|deployed|wrote|made|broke|caused|forgot|missed|ignored|ran"
                    + "|changed|touched|(?:is|was)\\s+(?:responsible|to\\s+blame)|did\\s+this)\\b(?=[^?]*\\?)",
                    "\"%s\" asks who to blame", ASK_SYSTEM)
                    .when(words("who "),
                            words("allowed|approved|broke|caused|changed|decided|deployed|did this|forgot|ignored"
                            + "|responsible|to blame|let|made|merged|missed|pushed|ran|signed off|thought|touched"
                            + "|wrote")),
            rule(QUESTION, Actor.ANY, "\\bwhat\\s+(?:were|was)\\s+(?:you|they|he|she|we|the\\s+\\w+)"
                    + "\\s+thinking\\b", "\"%s\" asks who to blame", ASK_SYSTEM)
                    .when(words("what was |what were "), words(" thinking")),
            // hindsight
            rule(HINDSIGHT, Actor.ANY, "\\bit\\s+(?:was|is|should\\s+have\\s+been|would\\s+have\\s+been"
                    + "|must\\s+have\\s+been)\\s+(?:so\\s+|very\\s+|pretty\\s+|perfectly\\s+|completely\\s+"
                    + "|blindingly\\s+|painfully\\s+)?obvious\\b(?!\\s+(?:in|now|with|looking)\\b)",
                    "\"%s\" uses hindsight", AT_THE_TIME)
                    .when(words("obvious"),
                            words("it was |it is |it must have been |it should have been |it would have been ")),
            rule(HINDSIGHT, Actor.ANY, "\\bit\\s+(?:was|is|should\\s+have\\s+been|would\\s+have\\s+been)\\s+"
                    + "(?:\\w+\\s+)?(?:clear|evident)\\s+to\\s+(?:anyone|everyone|anybody|everybody|all)\\b"
                    + "(?!\\s+(?:now|in\\s+hindsight|in\\s+retrospect)\\b)",
                    "\"%s\" uses hindsight", AT_THE_TIME)
                    .when(words("clear to |evident to "),
                            words("it was |it is |it should have been |it would have been ")),
            rule(HINDSIGHT, Actor.ANY, "\\b(?:should|would)\\s+have\\s+been\\s+(?:so\\s+|very\\s+|pretty\\s+"
                    + "|perfectly\\s+|blindingly\\s+)?(?:obvious|clear|evident)\\b",
                    "\"%s\" uses hindsight", AT_THE_TIME)
                    .when(words("should have been |would have been "), words("clear|evident|obvious")),
            rule(HINDSIGHT, Actor.ANY, "\\bany\\s+(?:competent|reasonable|experienced|good|decent|half-decent"
                    + "|careful|sensible|responsible|qualified|attentive|diligent|seasoned|self-respecting)\\s+"
                    + ROLE + "\\b", "\"%s\" measures a person against an imagined ideal", AT_THE_TIME)
                    .when(words("any "),
                            words("competent|reasonable|experienced|good|decent|careful|sensible|responsible"
                            + "|qualified|attentive|diligent|seasoned|self-respecting")),
            rule(HINDSIGHT, Actor.ANY, "\\ba\\s+(?:competent|reasonable|good|careful|sensible|responsible"
                    + "|more\\s+experienced|more\\s+careful)\\s+" + ROLE + "\\s+would\\b",
                    "\"%s\" measures a person against an imagined ideal", AT_THE_TIME)
                    .when(words(" would"), words("careful|competent|good|experienced|reasonable|responsible|sensible")),
            rule(HINDSIGHT, Actor.ANY, "\\b(?:anyone|anybody|everyone|everybody)\\s+(?:paying\\s+attention"
                    + "|with\\s+(?:any|half\\s+a|a\\s+bit\\s+of)\\s+\\w+|who\\s+(?:looked|had\\s+looked|checked"
                    + "|read|knew))\\b", "\"%s\" measures a person against an imagined ideal", AT_THE_TIME)
                    .when(words("anyone |anybody |everyone |everybody "),
                            words("paying attention|who checked|who had looked|who knew|who looked|who read"
                            + "|with a bit of |with any |with half a ")),
            rule(HINDSIGHT, Actor.ANY, "\\b(?:missed|ignored|overlooked)\\s+(?:the\\s+|an?\\s+|all\\s+the\\s+"
                    + "|such\\s+|these\\s+|those\\s+)?(?:obvious|clear|glaring|blatant)\\b",
                    "\"%s\" calls a signal obvious in hindsight", SIGNAL_MISSED)
                    .when(words("ignored |missed |overlooked "), words("blatant|clear|glaring|obvious")),
            rule(HINDSIGHT, Actor.ANY, "\\b(?:signs|signals|symptoms|warnings|red\\s+flags)\\s+(?:were|had\\s+been)"
                    + "\\s+(?:all\\s+)?(?:so\\s+)?(?:obvious|glaring|unmistakable)\\b",
                    "\"%s\" calls a signal obvious in hindsight", SIGNAL_MISSED)
                    .when(words("signs |signals |symptoms |warnings |red flags "),
                            words("glaring|obvious|unmistakable")),
            rule(HINDSIGHT, Actor.PERSON, "\\b(?:mistakenly|wrongly|naively|hastily|rashly|blindly)\\b",
                    "\"%s\" judges the decision in hindsight", DECISION)
                    .when(words("blindly|hastily|mistakenly|naively|rashly|wrongly")),
            // human error
            rule(HUMAN_ERROR, Actor.ANY, "\\b(?:human|operator|user|pilot|developer|engineer|admin)\\s+"
                    + "(?:error|mistake|misunderstanding|slip|oversight)s?\\b(?!\\s+(?:rate|rates|code|codes"
                    + "|message|messages|page|pages|budget|count|handling|response|responses|log|logs)\\b)",
                    "\"%s\" is a label, not a cause", MECHANISM)
                    .when(words("human |operator |user |pilot |developer |engineer |admin "),
                            words(" error| mistake| misunderstanding| oversight| slip")),
            // character judgments
            rule(CHARACTER, Actor.ANY, "\\b(?:careless(?:ly|ness)?|sloppy|sloppily|sloppiness|negligen(?:t|tly"
                    + "|ce)|laziness|incompeten(?:t|tly|ce)|reckless(?:ly|ness)?|foolish(?:ly|ness)?"
                    + "|stupid(?:ly|ity)?|irresponsib(?:le|ly|ility)|inexcusabl[ey]|idiotic|boneheaded|clueless"
                    + "|overconfiden(?:t|ce)|complacen(?:t|cy)|cavalier|in\\s+(?:my|his|her|their|our|your)\\s+haste"
                    + "|inattenti(?:ve|on)|unprofessional(?:ly)?|slipshod|half-?assed|(?:did\\s+not|didn" + APOS
                    + "t)\\s+know\\s+what\\s+(?:he|she|they|i|we|you)\\s+(?:was|were)\\s+doing"
                    + "|dropped\\s+the\\s+ball|asleep\\s+at\\s+the\\s+(?:wheel|switch)|cut(?:ting)?\\s+corners"
                    + "|lack\\s+of\\s+(?:care|attention|diligence|rigou?r|discipline|ownership)"
                    + "|rookie\\s+mistake|amateur(?:ish)?\\s+(?:mistake|error|move)|rubber-stamp(?:ed|ing)?"
                    + "|(?:poor|bad|questionable|terrible|awful)\\s+(?:judge?ment|decisions?|decision-making"
                    + "|calls?|choices?))\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("careless|sloppy|sloppily|sloppiness|negligen|laziness|incompeten|reckless|foolish"
                            + "|stupid|irresponsib|inexcusabl|idiotic|boneheaded|clueless|overconfiden|complacen"
                            + "|cavalier|haste|inattenti|unprofessional|slipshod|assed|know what|dropped the ball"
                            + "|asleep at the|corners|lack of |rookie mistake|amateur|rubber-stamp|poor call"
                            + "|poor choice|poor decision|poor judg|bad call|bad choice|bad decision|bad judg"
                            + "|questionable call|questionable choice|questionable decision|questionable judg"
                            + "|terrible call|terrible choice|terrible decision|terrible judg|awful call|awful choice"
                            + "|awful decision|awful judg")),
            rule(CHARACTER, Actor.ANY, "\\b(?:too\\s+)?lazy\\b(?![\\s-]+" + TECHNICAL_TERM + ")",
                    "\"%s\" judges a person's character", CONTEXT)
                    .when(words("lazy")),
            rule(CHARACTER, Actor.ANY, "(?<!\\b(?:\\w{2,20}ed|built|done|run|read|kept|made)\\s)\\blazily\\b(?![\\s-]+"
                    + TECHNICAL_TERM + ")", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("lazily")),
            rule(CHARACTER, Actor.ANY, "\\b(?:was|were)(?:n" + APOS + "t|\\s+not)\\s+(?:even\\s+)?(?:thinking"
                    + "|paying\\s+attention|watching|looking)\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("thinking|paying attention|watching|looking"), words("was not|wasn|were not|weren")),
            rule(CHARACTER, Actor.PERSON, "\\b(?:was|were)(?:n" + APOS + "t|\\s+not)\\s+(?:nearly\\s+|very\\s+)?"
                    + "(?:careful|thorough|cautious|attentive"
                    + "|diligent)\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("careful|thorough|cautious|attentive|diligent"), words("was not|wasn|were not|weren")),
            rule(CHARACTER, Actor.PERSON, "\\bpanick?ed\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("panic")),
            // fault put on a person
            rule(FAULT, Actor.SUBJECT_GROUP, "\\b(?<subj>" + WORD + ")" + APOS + "s\\s+(?:own\\s+)?(?:fault"
                    + "|failure\\s+to|failure|mistake|error|oversight|blunder|screw-?up|misstep|lapse)\\b",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("fault|failure|mistake|error|oversight|blunder|screw|misstep|lapse")),
            rule(FAULT, Actor.ANY, "\\b(?:this|that|it)(?:\\s+one)?\\s+(?:is|was|'s|’s)\\s+(?:all\\s+"
                    + "|entirely\\s+)?on\\s+"
                    + "(?:me|us|him|her|them)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("on me|on us|on him|on her|on them"), words(" is | was | 's | ’s ")),
            rule(FAULT, Actor.ANY, "\\b(?:my|his|her|their|our|your)\\s+(?:own\\s+)?(?:fault|mistake|screw-?up"
                    + "|blunder)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("fault|mistake|screw|blunder"), words("my |his |her |their |our |your ")),
            rule(FAULT, Actor.PERSON, "\\b(?:is|was|are|were)\\s+(?:entirely\\s+|partly\\s+|solely\\s+"
                    + "|squarely\\s+|clearly\\s+)?(?:at\\s+fault|to\\s+blame)\\b",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("at fault|to blame"), words("is |was |are |were ")),
            rule(FAULT, Actor.ANY, "\\b(?:the\\s+)?blame(?:\\s+for\\s+[^,;]{1,40}?)?\\s+(?:lies|rests|falls"
                    + "|lay)\\s+(?:\\w+\\s+)?(?:with"
                    + "|on)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("blame"), words(" lies | rests | falls | lay ")),
            rule(FAULT, Actor.PERSON, "\\b(?:is|was|are|were)\\s+(?:solely\\s+|directly\\s+|personally\\s+)?"
                    + "responsible\\s+for\\s+(?:the|this)\\s+(?:outage|incident|failure|breach|downtime"
                    + "|data\\s+loss|mistake|error)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("responsible for th"), words("is |was |are |were ")),
            rule(FAULT, Actor.SUBJECT_GROUP, "\\b(?:caused\\s+by|due\\s+to|because\\s+of|result\\s+of|fault\\s+of"
                    + "|blamed?\\s+on|attributed\\s+to)\\s+(?<subj>" + WORD + ")",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("caused by|due to|because of|result of|fault of|blame|attributed to")),
            rule(FAULT, Actor.SUBJECT_GROUP, "\\broot\\s+cause\\s*(?:is|was|:)\\s*(?:that\\s+)?(?<subj>"
                    + WORD + ")", "\"%s\" names a person as the root cause", CONDITIONS)
                    .when(words("root cause")),
            // "because" first, then the looks back ("not because", the event): the same matches, without
            // looking back from every character of the sentence. The event starts at most ~90 characters
            // before "because" (80 between, the longest word, "because" itself; BecauseRuleTest measures it)
            rule(FAULT, Actor.SUBJECT_GROUP, "\\bbecause(?<!\\bnot\\sbecause)(?<=\\b" + NEGATIVE_EVENT
                    + "\\b.{0,80}because)"
                    + "\\s+(?<subj>(?:the\\s+|our\\s+|an?\\s+)?" + WORD + "(?:\\s+(?!" + AUXILIARY + ")" + WORD
                    + "){0,2}?)\\s+(?:\\w+ly\\s+)?" + ACTIVE_PAST + "\\b", "\"%s\" names a person as the cause",
                    CONDITIONS)
                    .readsBack(128)
                    .when(words("because "),
                            words("outage|incident|broke|failed|failure|down|lost|wiped|expired|deleted|dropped"
                            + "|crashed|corrupted|leaked|exposed|happened|started|lasted|duplicated|pulled|error"
                            + "|degraded|stalled|rejected|blocked|went wrong")),
            rule(FAULT, Actor.PERSON, "\\b(?:broke|caused|took\\s+down|brought\\s+down|wiped|nuked|trashed)\\b"
                    + "(?:\\s+(?:the|an?|our|their|production|prod)\\b(?:\\s+[\\w-]+)?)?",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("broke|caused|took down|brought down|wiped|nuked|trashed")),
            // counterfactual judgments of people
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, SHOULD_HAVE + "(?<verb>" + SHOULD_MIND + ")\\b",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb)
                    .when(words("should"),
                            words("anticipated|been |considered|double-checked|heeded|known|noticed|paid |questioned"
                            + "|realised|realized|remembered|spotted|thought |understood")),
            rule(COUNTERFACTUAL, Actor.PERSON_OR_NONE, SHOULD_HAVE + "(?<verb>(?!(?:received"
                    + "|" + EFFORT + ")\\b)" + PARTICIPLE + ")",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb)
                    .when(words("should")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, FAILED_TO + "(?<verb>" + MIND + ")\\b",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("failed to |failing to |fails to "),
                            words("anticipate|attention|bother|consider|double-check|heed|notice|question|realise"
                            + "|realize|remember|spot|think to|thought to|understand|understood")),
            rule(COUNTERFACTUAL, Actor.PERSON, FAILED_TO + "(?<verb>(?!" + EFFORT + "\\b)\\w+)",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("failed to |failing to |fails to ")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b" + NEGATION + "\\s+(?:adequately|properly|carefully"
                    + "|thoroughly|sufficiently|correctly)\\s+\\w+",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words(" adequately | carefully | correctly | properly | sufficiently | thoroughly "),
                            words("did not|didn|had not|hadn|never|nor did ")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\b" + NEGATION + "\\s+(?:(?:really|even|actually|ever"
                    + "|once|always|fully)\\s+)?(?<verb>" + MIND + ")\\b",
                    "\"%s\" blames a person for what they missed", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("did not|didn|had not|hadn|never|nor did "),
                            words("anticipate|attention|bother|consider|double-check|heed|notice|question|realise"
                            + "|realize|remember|spot|think to|thought to|understand|understood")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b" + NEGATION + "\\s+(?:(?:really|even|actually|ever|once"
                    + "|always|fully)\\s+)?(?<verb>" + STEP + ")\\b",
                    "\"%s\" blames a person for a skipped step", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("did not|didn|had not|hadn|never|nor did "),
                            words("account|acknowledge|ask|check|communicat|confirm|coordinat|declare|escalat|follow"
                            + "|inform|look|notif|ran|read|review|run|tell|test|told|updat|validat|verif|wait|warn")),
            rule(COUNTERFACTUAL, Actor.ANY, "\\b(?:nobody|no\\s+one|no-one|none\\s+of\\s+(?:us|them"
                    + "|the\\s+\\w+))(?:\\s+(?:on|in|from|at|of)\\s+(?:the\\s+|our\\s+)?[\\w-]+(?:\\s+team)?)?"
                    + "\\s+(?:\\w+ly\\s+)?(?<verb>noticed|checked|double-checked|tested|verified|caught|read"
                    + "|realized|realised|thought\\s+to|looked|reviewed|considered|questioned|followed|spotted"
                    + "|asked)\\b", "\"%s\" blames people for what they missed", BlameRules::forVerb)
                    .excusedBySystemCause()
                    .when(words("no one|no-one|nobody|none of "),
                            words("asked|caught|checked|considered|double-checked|followed|looked|noticed|questioned"
                            + "|read|realised|realized|reviewed|spotted|tested|thought to|verified")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\b(?:forgot|forgotten|forgets|forgetting)\\s+(?:to|about"
                    + "|that)\\b", "\"%s\" blames a person's memory", m -> STEP_SKIPPED)
                    .when(words("forgot|forget")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\bneglect(?:ed|s|ing)\\s+to\\b",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words("neglect")),
            rule(COUNTERFACTUAL, Actor.ANY, "\\bcould(?:n" + APOS
                    + "t|\\s+not)?\\s+be\\s+bothered\\b|\\bbothered\\s+to\\b",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words(" be bothered|bothered to")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "^\\W*despite\\s+" + WARNINGS + "[^,;]{0,60},\\s*(?<subj>" + WORD
                    + ")", "\"%s\" judges a person in hindsight", DECISION)
                    .when(words("despite "), words("advice|concerns|objection|pushback|red flags|warning")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "(?<=\\w\\s{1,3})\\b(?:despite|in\\s+spite\\s+of)\\s+" + WARNINGS,
                    "\"%s\" judges a person in hindsight", DECISION)
                    .when(words("despite |in spite of "),
                            words("advice|concerns|objection|pushback|red flags|warning")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "\\b(?:was|were)\\s+supposed\\s+to\\b[^.;]{1,80}?\\bbut\\s+"
                    + "(?:\\w+\\s+)?(?:didn" + APOS + "t|did\\s+not|never|forgot|failed)\\b",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words("supposed to"), words("but "), words("did not|didn|failed|forgot|never")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b(?:ignored|ignoring|ignores|disregarded|overlooked"
                    + "|misread|misjudged|misinterpreted|misunderstood|misconfigured|botched|fat-fingered"
                    + "|fumbled|messed\\s+up|screwed\\s+up|refused\\s+to|wasted|dismissed|skipped|skipping|bypassed"
                    + "|bypassing"
                    + "|(?:chose|decided|opted)\\s+to\\s+(?:ignore|disregard|dismiss))\\b(?!\\s+(?:the\\s+"
                    + "|all\\s+)?(?:noise"
                    + "|red\\s+herrings?|distractions?|unrelated|irrelevant|nothing|none)\\b)", // triage, or a denial
                    "\"%s\" judges a person in hindsight", m -> DECISION)
                    .when(words("botched|bypass|dismiss|disregard|fat-fingered|fumbled|ignore|ignoring|messed up"
                            + "|misconfigured|misinterpreted|misjudged|misread|misunderstood|overlooked|refused to"
                            + "|screwed up|skipped|skipping|wasted")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\bmissed\\s+(?:the\\s+|an?\\s+|all\\s+|both\\s+|several\\s+"
                    + "|\\w+\\s+)?(?:" + SIGNAL + ")\\b", "\"%s\" blames a person for what they missed", SIGNAL_MISSED)
                    .when(words("missed "),
                            words("alert|bug|email|error|message|notification|page|regression|sign|step|typo|warning")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "\\b(?:was|were|got|been)\\s+(?:\\w+ly\\s+)?(?:ignored|overlooked"
                    + "|skipped|missed|botched|disregarded|dismissed|bypassed|rubber-stamped|misread)\\s+by\\s+"
                    + "(?<subj>" + WORD + ")", "\"%s\" judges a person in hindsight", DECISION)
                    .when(words("botched by |bypassed by |dismissed by |disregarded by |ignored by |misread by "
                            + "|missed by |overlooked by |rubber-stamped by |skipped by ")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b(?:took|spent)\\s+(?:way\\s+|far\\s+|much\\s+)?too\\s+(?:long|much"
                    + "\\s+time)\\b", "\"%s\" judges a person's response time", m -> SIGNAL_MISSED)
                    .when(words("too long|too much time"), words("spent |took ")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b(?:chose|prioriti[sz]ed|put|valued|favou?red|traded\\s+off)\\s+"
                    + "(?:[\\w-]+\\s+){1,3}?(?:over|above|ahead\\s+of)\\s+(?:safety|quality|reliability|correctness"
                    + "|caution|testing|process|stability)\\b", "\"%s\" judges a person in hindsight", DECISION)
                    .when(words("chose|favo|prioriti|put|traded off|valued"),
                            words("safety|quality|reliability|correctness|caution|testing|process|stability")),
            rule(FAULT, Actor.PERSON, "\\bmade\\s+(?:a|an|one|several|two|multiple"
                    + "|the\\s+same)\\s+(?:\\w+\\s+)?(?:mistakes?"
                    + "|errors?|blunders?)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("made a|made one|made several|made two|made multiple|made the same"),
                            words("blunder|error|mistake")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "\\bif\\s+(?:only\\s+)?(?<subj>[^,;:]{1,40}?)\\s+had\\s+"
                    + "(?:\\w+ly\\s+)?" + PARTICIPLE, "\"%s\" judges a person by the outcome", m -> DECISION)
                    .when(words(" had "), words("if ")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "(?:^\\W*|[,;]\\s*|\\b(?:avoid|prevent)(?:able"
                    + "|ed)\\s+)\\bhad\\s+(?<subj>[^,;:]{1,40}?)\\s+"
                    + "(?:\\w+ly\\s+)?" + PARTICIPLE, "\"%s\" judges a person by the outcome", m -> DECISION)
                    .when(words("had ")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "\\bwithout\\s+(?:first\\s+|even\\s+|properly\\s+)?"
                    + "(?:telling|testing|checking|running|looking|reading|reviewing|verifying|asking|waiting"
                    + "|confirming|notifying|consulting|informing|warning|double-checking|thinking|a\\s+review"
                    + "|any\\s+review|review|approval|a\\s+second\\s+pair)\\b",
                    "\"%s\" blames a person for a skipped step", m -> STEP_SKIPPED)
                    .when(words("without "),
                            words("review|second pair|approval|asking|checking|confirming|consulting|informing"
                            + "|looking|notifying|reading|running|telling|testing|thinking|verifying|waiting|warning")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "\\b(?:the|a|an)\\s+(?:wrong|incorrect)\\s+[\\w-]+"
                    + "(?:\\s+(?!" + FUNCTION_WORD + "\\b)[\\w-]+)?",
                    "\"%s\" frames the action as a personal mistake", m -> WRONG_TARGET).excusedBySystemCause()
                    .when(words("wrong |incorrect ")));

    /** Sentences that mention blame in order to reject it. */
    static final List<LazyPattern> REJECTIONS = List.of(
            new LazyPattern("\\bhindsight\\s+bias\\b|\\b(?:makes?|made)\\s+it\\s+(?:look|seem)\\b")
                    .when(words(" it look| it seem|hindsight bias")),
            new LazyPattern("\\bnot\\s+(?:an?\\s+|just\\s+|simply\\s+)?(?:human|operator|user)\\s+error\\b"
                    + "|\\b(?:calling|labell?ing|dismissing)\\s+(?:this|it|that)\\b[^.;]{0,40}\\bwould\\b")
                    .when(words("human error|operator error|user error|would")),
            new LazyPattern("\\b(?:not|never|n" + APOS + "t)\\s+(?:\\w+\\s+){0,3}?(?:record(?:ed|ing)?|list(?:ed|ing)?"
                    + "|call(?:ed|ing)?|label(?:l?ed|l?ing)?|treat(?:ed|ing)?|consider(?:ed|ing)?|count(?:ed|ing)?"
                    + "|cite[ds]?|accept(?:ed|ing)?|attribut(?:e|ed|ing)|see|saw|stop)\\s+(?:\\w+\\s+){0,3}?"
                    + "(?:human\\s+error|operator\\s+error|user\\s+error|blame|fault|careless\\w*|a\\s+person"
                    + "|the\\s+person|individuals?|people)")
                    .when(words("a person|blame|careless|fault|human error|individual|operator error|people"
                            + "|the person|user error"),
                            words("accept|attribut|call|cite|consider|count|label|list|record|saw|see|stop|treat")),
            new LazyPattern("\\b(?:human|operator|user)\\s+error\\s+(?:is|was|are)(?:n" + APOS
                    + "t|\\s+not|\\s+never)\\b")
                    .when(words("human error |operator error |user error "),
                            words(" is not| isn| was not| wasn| are not| aren| never")),
            new LazyPattern("\\bnot\\s+(?:a|the)\\s+(?:root\\s+)?cause\\b")
                    .when(words("not a |not the "), words("cause")),
            new LazyPattern("\\b(?:would\\s+be|it" + APOS + "s|it\\s+is|is)\\s+(?:easy|tempting)\\s+to\\s+(?:call|blame"
                    + "|label|say|conclude|dismiss|write)\\b")
                    .when(words("easy to |tempting to ")),
            new LazyPattern("\\b(?:rather\\s+than|instead\\s+of)\\s+(?:asking\\s+who|blaming|looking\\s+for\\s+"
                    + "(?:someone|somebody|a\\s+person|who)|pointing\\s+fingers|assigning\\s+blame"
                    + "|focusing\\s+on\\s+who)")
                    .when(words("rather than |instead of ")),
            new LazyPattern("\\b(?:no\\s+one|nobody|no-one)\\s+(?:is|was)\\s+(?:to\\s+blame|at\\s+fault)\\b"
                    + "|\\bnot\\s+(?:about\\s+)?(?:anyone|someone|somebody|anybody|a\\s+person)" + APOS
                    + "s\\s+fault\\b|\\bblameless\\b|\\bnot\\s+(?:about\\s+)?(?:assigning\\s+|apportioning\\s+)?"
                    + "blame\\b|\\bwithout\\s+(?:assigning\\s+)?blame\\b")
                    .when(words("blame|fault|without ")),
            new LazyPattern("\\b(?:anyone|anybody|any\\s+of\\s+us)\\s+(?:could|would|might)\\s+have"
                    + "\\s+(?:made|done)\\b")
                    .when(words("could have |might have |would have "), words("anyone|anybody|any of us")));

    private BlameRules() {
    }

    private static BlameRule rule(String family, Actor actor, String regex, String message,
            Function<Matcher, String> suggestion) {
        return new BlameRule(family, new LazyPattern(regex), actor, message, suggestion, false, 0);
    }

    private static BlameRule rule(String family, Actor actor, String regex, String message, String suggestion) {
        return rule(family, actor, regex, message, m -> suggestion);
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, LazyPattern.FLAGS);
    }

    /** Picks the rewrite prompt from the judged verb: perception, procedure or decision. */
    private static String forVerb(Matcher m) {
        String verb = m.group("verb").toLowerCase();
        if (PERCEPTION.matcher(verb).matches()) {
            return SIGNAL_MISSED;
        }
        if (PROCEDURE.matcher(verb).matches()) {
            return STEP_SKIPPED;
        }
        return DECISION;
    }

    private static final Pattern PERCEPTION =
            Pattern.compile("(?:notic|realiz|realis|spot|heed|pa[iy]|caught|see|saw|look).*");
    private static final Pattern PROCEDURE =
            Pattern.compile("(?:check|test|verif|validat|confirm|follow|read|review|updat|double|run|ran|ask|tell"
                    + "|told|inform|notif|warn|escalat|communicat|coordinat|acknowledg|account|declar|wait|rememb"
                    + "|bother).*");
}
