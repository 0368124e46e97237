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
    static final String INSULT = "insult";

    static final String KIND_TO_YOURSELF = "Be as fair to yourselves as to a colleague: say what made the choice"
            + " look right at the time (what you knew, the pressure, the tools) and what would have caught it.";
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
            + "|recogni[sz]e|recogni[sz]ed|catch"
            + "|understand|understood|consider|considered|anticipate|anticipated|remember|remembered|bother"
            + "|bothered|double-check|double-checked|question|questioned|think\\s+to|thought\\s+to"
            + "|pay" + ATTENTION + "|paid" + ATTENTION;
    /** Verbs of procedure: systems do these too, so the subject must be a person. */
    private static final String STEP = "check|checked|test|tested|verify|verified|validate|validated|confirm"
            + "|confirmed|follow|followed|read|review|reviewed|update|updated|wait|waited|escalate|escalated"
            + "|communicate|communicated|ask|asked|tell|told|inform|informed|notify|notified|warn|warned"
            + "|coordinate|coordinated|acknowledge|acknowledged|look|looked|account\\s+for|accounted\\s+for|run|ran"
            + "|declare|declared|alert|alerted|respond|responded|investigate|investigated|react|reacted|mention"
            + "|mentioned|flag|flagged|share|shared";
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
            + "|imports?|iterators?|sequences?|propert(?:y|ies)|upgrades?|updates?|fetch(?:es)?|sync|load|lists?"
            + "|streams?|values?|attributes?|fields?|modules?|routes?|components?|\\w+(?:ups?|ing|ion|ions|ed|es))\\b";
    /** Warnings someone acted against: "despite repeated warnings", "in spite of the DBA's objections". */
    private static final String WARNINGS = "(?:the\\s+|an?\\s+)?(?:\\w+" + APOS + "s\\s+)?(?:clear\\s+"
            + "|repeated\\s+|multiple\\s+|several\\s+|numerous\\s+|explicit\\s+|obvious\\s+)?"
            + "(?:open\\s+|known\\s+|failing\\s+|unresolved\\s+)?(?:[\\w-]+\\s+)?(?:warnings?|objections?|advice|concerns"
            + "|pushback|red\\s+flags|bugs|failures|failing\\s+tests|errors|alerts|risks|guidance)\\b";
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
                    + "\\s+(?:did|would|could|had|has|have)(?:n" + APOS + "t)?|(?:could|can|would)(?:n" + APOS + "t)?"
                    + "|(?:did|had|has|have)n" + APOS + "t))\\s+(?:not\\s+)?"
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
            rule(HINDSIGHT, Actor.PERSON, "\\b(?:mistakenly|wrongly|naively|hastily|rashly|blindly|incorrectly"
                    + "|thoughtlessly|prematurely)\\b",
                    "\"%s\" judges the decision in hindsight", DECISION)
                    .when(words("blindly|hastily|mistakenly|naively|rashly|wrongly|incorrectly|thoughtlessly"
                            + "|prematurely")),
            // a person named as the agent of a judged act: "designed very poorly by Dana", "merged hastily by @kim"
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "\\b(?:(?:very\\s+|so\\s+)?(?:poorly|badly|hastily|carelessly"
                    + "|sloppily|incorrectly|wrongly|recklessly|lazily|haphazardly|blindly)\\s+[\\w-]+ed|[\\w-]+ed\\s+"
                    + "(?:very\\s+|so\\s+)?(?:poorly|badly|hastily|carelessly|sloppily|incorrectly|wrongly|recklessly"
                    + "|lazily|haphazardly|blindly))\\s+by\\s+(?<subj>(?:the\\s+)?" + WORD + ")",
                    "\"%s\" judges a person's work", DECISION)
                    .when(words("poorly|badly|hastily|carelessly|sloppily|incorrectly|wrongly|recklessly"
                            + "|lazily|haphazardly|blindly")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "\\b[\\w-]+ed\\s+without\\s+(?:a\\s+second\\s+look|(?:any\\s+)?review"
                    + "|testing|thinking)\\s+by\\s+(?<subj>(?:the\\s+)?" + WORD + ")", "\"%s\" judges a person's work",
                    DECISION)
                    .when(words("without "), words(" by ")),
            rule(HINDSIGHT, Actor.PERSON, "\\bfinally\\s+(?:looked|noticed|acknowledged|responded|checked|escalated"
                    + "|answered|reacted|replied|joined|showed\\s+up)\\b", "\"%s\" judges a person's response time",
                    m -> SIGNAL_MISSED)
                    .when(words("finally ")),
            rule(HINDSIGHT, Actor.PERSON, "\\b(?:approved|merged|shipped|deployed|released|pushed|launched|signed\\s+off"
                    + "|went\\s+ahead)\\b[^.;]{0,80}?\\beven\\s+though\\b", "\"%s\" judges the decision in hindsight",
                    DECISION)
                    .when(words("even though")),
            rule(COUNTERFACTUAL, Actor.ANY, "(?:^\\W*how\\s+(?:did|could|can|would)\\s+)(?:nobody|no\\s+one|no-one"
                    + "|none\\s+of\\s+(?:you|them|the\\s+\\w+))\\s+(?:\\w+\\s+){0,2}?(?:notice|see|check|catch|spot|read"
                    + "|test|review|question)\\b(?=[^?]*\\?)", "\"%s\" asks who to blame", ASK_SYSTEM)
                    .when(words("nobody|no one|no-one|none of "), words("how ")),
            rule(COUNTERFACTUAL, Actor.ANY, "\\b(?:nobody|no\\s+one|no-one)\\s+(?:on|in|from|at)\\s+(?:the\\s+)?[\\w-]+"
                    + "\\s+team\\s+(?:\\w+ly\\s+)?(?:noticed|checked|double-checked|tested|verified|caught|read|reviewed"
                    + "|questioned|spotted)\\b", "\"%s\" blames people for what they missed", m -> SIGNAL_MISSED)
                    .when(words("nobody|no one|no-one"), words(" team "),
                            words("noticed|checked|tested|verified|caught|read|reviewed|questioned|spotted")),
            rule(COUNTERFACTUAL, Actor.ANY, "\\bnone\\s+of\\s+the\\s+(?:reviewers|engineers|developers|responders"
                    + "|approvers|on-calls?)\\s+(?:\\w+ly\\s+)?(?:noticed|checked|caught|read|questioned|spotted|tested"
                    + "|reviewed)\\b", "\"%s\" blames people for what they missed", m -> SIGNAL_MISSED)
                    .when(words("none of"), words("noticed|checked|caught|read|questioned|spotted|tested|reviewed")),
            // whims and second looks
            rule(HINDSIGHT, Actor.CLAUSE_PERSON, "\\b(?:on\\s+a\\s+whim|without\\s+(?:a|any)\\s+second\\s+(?:look|thought)"
                    + "|without\\s+(?:being|even\\s+being)\\s+(?:thorough|careful)|went\\s+ahead\\b[^.;]{0,60}?\\banyway)\\b",
                    "\"%s\" judges the decision in hindsight", DECISION)
                    .when(words("whim|second look|second thought|being thorough|being careful|went ahead")),
            rule(HINDSIGHT, Actor.CLAUSE_PERSON, "\\bagainst\\s+(?:their|his|her|the|our|my|its)\\s+(?:own\\s+)?(?:guidance"
                    + "|advice|recommendations?|policy|procedure|runbook|instructions|better\\s+(?:judgment|judgement))\\b",
                    "\"%s\" judges the decision in hindsight", DECISION)
                    .when(words("against "), words("guidance|advice|recommendation|policy|procedure|runbook|instructions"
                            + "|judgment|judgement")),
            rule(HINDSIGHT, Actor.CLAUSE_PERSON, "\\b(?:wrote|brushed|shrugged|waved)\\s+(?:\\w+\\s+){0,3}?off\\b",
                    "\"%s\" judges the decision in hindsight", DECISION)
                    .when(words("wrote|brushed|shrugged|waved")),
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
            rule(CHARACTER, Actor.ANY, "\\b(?:was|were|is|are)(?:n" + APOS + "t|\\s+not)\\s+(?:even\\s+)?(?:thinking"
                    + "|paying\\s+attention|watching|looking)\\b(?!\\s+(?:for|into|at\\s+the\\s+\\w+\\s+(?:metric|graph"
                    + "|dashboard)))", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("thinking|paying attention|watching|looking"),
                            words("was not|wasn|were not|weren|is not|isn|are not|aren")),
            rule(CHARACTER, Actor.PERSON, "\\b(?:was|were)(?:n" + APOS + "t|\\s+not)\\s+(?:nearly\\s+|very\\s+)?"
                    + "(?:careful|thorough|cautious|attentive"
                    + "|diligent)\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("careful|thorough|cautious|attentive|diligent"), words("was not|wasn|were not|weren")),
            rule(CHARACTER, Actor.PERSON, "\\bpanick?ed\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("panic")),
            // fault put on a person
            rule(FAULT, Actor.SUBJECT_GROUP, "\\b(?<subj>" + WORD + ")" + APOS + "s\\s+(?:own\\s+)?(?:fault"
                    + "|failure\\s+to|failure(?!\\s+(?:modes?|rates?|domains?|scenarios?|cases?|points?|detection|analysis"
                    + "|handling))|mistake|error(?!\\s+(?:rates?|codes?|messages?|budgets?|handling|logs?|pages?))"
                    + "|oversight|blunder|screw-?up|misstep|lapse)\\b",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("fault|failure|mistake|error|oversight|blunder|screw|misstep|lapse")),
            rule(FAULT, Actor.ANY, "\\b(?:this|that|it)(?:\\s+one)?\\s+(?:is|was|'s|’s)\\s+(?:all\\s+"
                    + "|entirely\\s+)?on\\s+"
                    + "(?:me|us|him|her|them)\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("on me|on us|on him|on her|on them"), words(" is | was | 's | ’s ")),
            rule(FAULT, Actor.ANY, "\\b(?:my|his|her|their|our|your)\\s+(?:own\\s+)?(?:fault|mistake|screw-?up"
                    + "|blunder|oversight|negligence|carelessness|failure\\s+to|bad(?=\\s*(?:[,.;:!—–-]|as\\b|$)))",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("fault|mistake|screw|blunder|oversight|negligence|carelessness|failure to|bad"),
                            words("my |his |her |their |our |your ")),
            rule(FAULT, Actor.ANY, "\\b(?:oversight|mistake|failure|error|lapse|blunder|miss|misstep)\\s+on\\s+"
                    + "(?:my|our|his|her|their|your)\\s+part\\b", "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words(" on my part| on our part| on his part| on her part| on their part| on your part"),
                            words("oversight|mistake|failure|error|lapse|blunder|miss")),
            rule(FAULT, Actor.ANY, "\\b(?:we|i)\\s+(?:\\w+ly\\s+)?(?:apologi[sz]e|are\\s+sorry|regret)\\s+(?:\\w+\\s+){0,3}?"
                    + "(?:for\\s+)?(?:this|that|the|our|my)\\s+(?:oversight|mistake|error|lapse|blunder|negligence)\\b",
                    "\"%s\" names a person as the cause", CONDITIONS)
                    .when(words("apologi|sorry|regret"), words("oversight|mistake|error|lapse|blunder|negligence")),
            rule(CHARACTER, Actor.ANY, "\\b(?:overzealous(?:ly|ness)?|(?:bad|dumb|stupid|terrible|awful|poor|silly)"
                    + "\\s+ideas?|(?:big|huge|costly|serious|major|grave|silly|stupid|dumb|basic|classic)\\s+mistakes?)\\b",
                    "\"%s\" judges a person's character", CONTEXT)
                    .when(words("overzealous|idea|mistake")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "\\b(?:did\\s+not|didn" + APOS + "t|were\\s+not|weren" + APOS
                    + "t|was\\s+not|wasn" + APOS + "t)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:well|closely|carefully|thoroughly"
                    + "|seriously|quickly|fast|hard)\\s+enough\\b", "\"%s\" judges a person in hindsight", CONTEXT)
                    .when(words(" enough"), words("did not|didn|were not|weren|was not|wasn")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b(?:should|must|need\\s+to|needs\\s+to|have\\s+to|has\\s+to)\\s+be"
                    + "\\s+(?:more\\s+|extra\\s+|much\\s+more\\s+)(?:careful|aware|vigilant|diligent|attentive"
                    + "|thorough|cautious|mindful)\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words(" be more | be extra | be much more "),
                            words("careful|aware|vigilant|diligent|attentive|thorough|cautious|mindful")),
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
                    "\"%s\" names a person as the cause", CONDITIONS).plainForWriters()
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
            // insults and distrust: said of people, never of systems
            rule(INSULT, Actor.ANY, "\\b(?:what\\s+an?\\s+)?(?:idiot|idiots|moron|morons|imbecile|buffoon|clown|clowns"
                    + "|numpty|dumbass|halfwit|nitwit|muppet)\\b(?!\\s*(?:proof|test|mode|check|car|cars))",
                    "\"%s\" insults a person", CONTEXT)
                    .when(words("idiot|moron|imbecile|buffoon|clown|numpty|dumbass|halfwit|nitwit|muppet")),
            rule(CHARACTER, Actor.PERSON, "\\b(?:can(?:not|" + APOS + "t)|could(?:n" + APOS + "t|\\s+not)|should(?:n" + APOS
                    + "t|\\s+not))\\s+be\\s+trusted\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("be trusted")),
            rule(CHARACTER, Actor.PERSON, "\\bcan(?:not|" + APOS + "t)\\s+(?:seem\\s+to|even)\\s+(?:follow|read|do|get"
                    + "|remember|understand|handle|manage)\\b", "\"%s\" judges a person's character", CONTEXT)
                    .when(words("seem to |even follow|even read|even do|even get|even remember|even understand"
                            + "|even handle|even manage")),
            rule(COUNTERFACTUAL, Actor.PERSON_OR_NONE, "\\bshould(?:\\s+never|\\s+not|n" + APOS + "t)\\s+have\\s+been"
                    + "\\s+(?:allowed|given|let|trusted|permitted)\\b", "\"%s\" judges a person in hindsight",
                    m -> DECISION)
                    .when(words("have been "), words("allowed|given|let|trusted|permitted")),
            rule(FAULT, Actor.SUBJECT_GROUP, "\\b(?:traces?|traced|tracing|comes?|came|boils?|boiled|goes|went)\\s+"
                    + "(?:back|down)\\s+to\\s+(?<subj>" + WORD + ")", "\"%s\" names a person as the cause", CONDITIONS)
                    .plainForWriters()
                    .when(words("back to |down to ")),
            rule(QUESTION, Actor.SUBJECT_GROUP, "^\\W*how\\s+(?:is|was|could)\\s+it\\s+(?:possible|conceivable"
                    + "|acceptable|that)\\s+(?:that\\s+)?(?<subj>" + WORD + ")(?=[^?]*\\?)", "\"%s\" asks who to blame",
                    ASK_SYSTEM)
                    .when(words("how is it |how was it |how could it ")),
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
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb).excusedBySystemCause().plainForWriters()
                    .when(words("failed to |failing to |fails to "),
                            words("anticipate|attention|bother|consider|double-check|heed|notice|question|realise"
                            + "|realize|remember|spot|think to|thought to|understand|understood|recogni|catch")),
            rule(COUNTERFACTUAL, Actor.PERSON, FAILED_TO + "(?<verb>follow|check|test|verify|validate|review|read"
                    + "|notify|communicate|escalate|inform|warn|consult|coordinate|rotate|document|update)\\b",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("failed to |failing to |fails to "),
                            words("follow|check|test|verify|validate|review|read|notify|communicate|escalate|inform|warn"
                            + "|consult|coordinate|rotate|document|update")),
            rule(COUNTERFACTUAL, Actor.PERSON, FAILED_TO + "(?<verb>(?!" + EFFORT + "\\b)\\w+)",
                    "\"%s\" judges a person in hindsight", BlameRules::forVerb).excusedBySystemCause().plainForWriters()
                    .when(words("failed to |failing to |fails to ")),
            rule(COUNTERFACTUAL, Actor.ANY, "(?:^\\W*|\\b(?:the|a|this)\\s+)failure\\s+to\\s+(?:\\w+ly\\s+)?(?:notify"
                    + "|communicate|inform|tell|warn|escalate|follow|test|check|verify|review|update|respond|act|plan"
                    + "|consider|monitor|provide|anticipate|notice|ask|coordinate|document|read)\\b",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words("failure to ")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b" + NEGATION + "\\s+(?:adequately|properly|carefully"
                    + "|thoroughly|sufficiently|correctly|appropriately)\\s+\\w+",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words(" adequately | carefully | correctly | properly | sufficiently | thoroughly "
                            + "| appropriately "),
                            words("did not|didn|had not|hadn|never|nor did ")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\b" + NEGATION + "\\s+(?:(?:really|even|actually|ever"
                    + "|once|always|\\w+ly)\\s+)?(?<verb>bother|bothered|heed|heeded|double-check|double-checked"
                    + "|think\\s+to|thought\\s+to|pay" + ATTENTION + "|keep\\s+(?:a\\s+close|an|a\\s+careful)\\s+eye)\\b",
                    "\"%s\" blames a person for what they missed", BlameRules::forVerb).excusedBySystemCause()
                    .when(words("did not|didn|had not|hadn|never|nor did "),
                            words("attention|bother|double-check|heed|think to|thought to| eye")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\b" + NEGATION + "\\s+(?:(?:really|even|actually|ever"
                    + "|once|always|fully|\\w+ly)\\s+)?(?<verb>" + MIND + ")\\b",
                    "\"%s\" blames a person for what they missed", BlameRules::forVerb).excusedBySystemCause().plainForWriters()
                    .when(words("did not|didn|had not|hadn|never|nor did "),
                            words("anticipate|attention|bother|consider|double-check|heed|notice|question|realise"
                            + "|realize|remember|spot|think to|thought to|understand|understood|recogni|catch")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b" + NEGATION + "\\s+(?:(?:really|even|actually|ever|once"
                    + "|always|fully|\\w+ly)\\s+)?(?<verb>" + STEP + ")\\b",
                    "\"%s\" blames a person for a skipped step", BlameRules::forVerb).excusedBySystemCause()
                    .plainForWriters()
                    .when(words("did not|didn|had not|hadn|never|nor did "),
                            words("account|acknowledge|ask|check|communicat|confirm|coordinat|declare|escalat|follow"
                            + "|inform|look|notif|ran|read|review|run|tell|test|told|updat|validat|verif|wait|warn"
                            + "|alert|respond|investigat|react|mention|flag|shar")),
            rule(CHARACTER, Actor.ANY, "(?:^\\W*|:\\s*|\\b(?:in|out\\s+of)\\s+)haste\\b",
                    "\"%s\" judges a person's character", CONTEXT)
                    .when(words("haste")),
            rule(COUNTERFACTUAL, Actor.NOT_SYSTEM, "\\b(?:forgot|forgotten|forgets|forgetting)\\s+(?:to|about"
                    + "|that|what|how|which|where|when|the|my|our|his|her|their)\\b", "\"%s\" blames a person's memory",
                    m -> STEP_SKIPPED)
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
                    .when(words("despite "), words("advice|concerns|objection|pushback|red flags|warning|bugs|failures|failing tests|errors|alerts"
                            + "|risks|guidance")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "(?<=\\w\\s{1,3})\\b(?:despite|in\\s+spite\\s+of)\\s+" + WARNINGS,
                    "\"%s\" judges a person in hindsight", DECISION)
                    .when(words("despite |in spite of "),
                            words("advice|concerns|objection|pushback|red flags|warning|bugs|failures|failing tests|errors|alerts"
                            + "|risks|guidance")),
            rule(COUNTERFACTUAL, Actor.CLAUSE_PERSON, "\\b(?:was|were)\\s+supposed\\s+to\\b[^.;]{1,80}?\\bbut\\s+"
                    + "(?:\\w+\\s+)?(?:didn" + APOS + "t|did\\s+not|never|forgot|failed)\\b",
                    "\"%s\" judges a person in hindsight", m -> STEP_SKIPPED)
                    .when(words("supposed to"), words("but "), words("did not|didn|failed|forgot|never")),
            rule(COUNTERFACTUAL, Actor.PERSON, "\\b(?:ignored|ignoring|ignores|disregarded|overlooked"
                    + "|underestimated|overestimated|misread|misjudged|misinterpreted|misunderstood|misconfigured|botched"
                    + "|fat-fingered"
                    + "|fumbled|messed\\s+up|screwed\\s+up|refused\\s+to|refuses\\s+to|wasted|dismissed|dismisses|skipped"
                    + "|skips|skipping|bypassed|bypasses|bypassing|disregards|overlooks|misreads"
                    + "|(?:chose|decided|opted)\\s+to\\s+(?:ignore|disregard|dismiss))\\b(?!\\s+(?:the\\s+"
                    + "|all\\s+)?(?:noise"
                    + "|red\\s+herrings?|distractions?|unrelated|irrelevant|nothing|none)\\b)", // triage, or a denial
                    "\"%s\" judges a person in hindsight", m -> DECISION)
                    .when(words("botched|bypass|dismiss|disregard|fat-fingered|fumbled|ignore|ignoring|messed up"
                            + "|underestimated|overestimated"
                            + "|misconfigured|misinterpreted|misjudged|misread|misunderstood|overlooked|refused to"
                            + "|screwed up|skipped|skipping|wasted|refuses to|skips|overlooks|misreads")),
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
                    + "(?:\\w+ly\\s+)?" + PARTICIPLE, "\"%s\" judges a person by the outcome", m -> DECISION).plainForWriters()
                    .when(words(" had "), words("if ")),
            rule(COUNTERFACTUAL, Actor.SUBJECT_GROUP, "(?:^\\W*|[,;]\\s*|\\b(?:avoid|prevent)(?:able"
                    + "|ed)\\s+)\\bhad\\s+(?<subj>[^,;:]{1,40}?)\\s+"
                    + "(?:\\w+ly\\s+)?(?:" + PARTICIPLE + "|been\\s+(?:paying\\s+attention|watching|looking|listening"
                    + "|(?:more\\s+)?(?:careful|attentive|thorough|awake|alert)))", "\"%s\" judges a person by the outcome",
                    m -> DECISION).plainForWriters()
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
            new LazyPattern("\\b(?:not|never|no)\\s+(?:an?\\s+|just\\s+|simply\\s+)?(?:human|operator|user)\\s+error\\b"
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
            new LazyPattern("\\b(?:human|operator|user)\\s+errors?\\s+(?:is|are)\\s+(?:\\w+\\s+)?(?:a\\s+|the\\s+)?"
                    + "(?:symptom|result|consequence)s?\\s+of\\b")
                    .when(words("human error|operator error|user error"), words("symptom|result|consequence")),
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
        return new BlameRule(family, new LazyPattern(regex), actor, message, suggestion, false, 0, true, true);
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
