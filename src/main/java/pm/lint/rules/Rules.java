package pm.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleInfo;

/** Every rule pm lint has, in the order the README documents them. */
public final class Rules {
    static final List<Class<? extends Rule>> CLASSES = List.of(
            BlameLanguage.class,
            ActionItemOwner.class,
            ActionItemDue.class,
            ActionItemPriority.class,
            VagueActionItem.class,
            ActionItemsUntracked.class,
            MissingSection.class,
            FrontMatterRule.class,
            TimelineOrder.class,
            NoProcessAction.class);
    /** From the index made at build time ({@link RuleIndex}), else from the annotations. */
    private static final List<RuleInfo> INFOS = infosOf(CLASSES);

    private static List<RuleInfo> infosOf(List<Class<? extends Rule>> classes) {
        List<RuleInfo> indexed = RuleIndex.load(classes);
        if (indexed != null) {
            return indexed;
        }
        List<RuleInfo> infos = new ArrayList<>();
        for (Class<? extends Rule> c : classes) {
            infos.add(c.getAnnotation(RuleInfo.class));
        }
        return List.copyOf(infos);
    }

    /** The info of one of the rules above, without reflection; null for any other class. */
    public static RuleInfo infoOf(Class<?> rule) {
        int i = CLASSES.indexOf(rule);
        return i < 0 ? null : INFOS.get(i);
    }

    private Rules() {
    }

    /** One instance of every rule, configured; they are safe to reuse for any number of files. */
    public static List<Rule> create(LintSettings s) {
        return List.of(
                new BlameLanguage(s.blamePhrases(), s.allowedPhrases()),
                new ActionItemOwner(s.ownerPlaceholders()),
                new ActionItemDue(),
                new ActionItemPriority(),
                new VagueActionItem(),
                new ActionItemsUntracked(),
                new MissingSection(s.requiredSections()),
                new FrontMatterRule(s.severityValues()),
                new TimelineOrder(),
                new NoProcessAction());
    }

    /** The metadata of every rule, in documentation order. */
    public static List<RuleInfo> infos() {
        return INFOS;
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (RuleInfo i : INFOS) {
            ids.add(i.id());
        }
        return ids;
    }

    public static Optional<RuleInfo> info(String id) {
        return INFOS.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
