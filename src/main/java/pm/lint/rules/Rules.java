package pm.lint.rules;

import java.util.ArrayList;
import java.util.List;
import pm.lint.Rule;
import pm.lint.RuleMeta;

/** Every rule pm lint has, in the order the README documents them: the one place a rule is registered. */
public final class Rules {
    public static final List<Rule.Spec> ALL = List.of(
            new Rule.Spec(BlameLanguage.META, BlameLanguage::new),
            new Rule.Spec(ActionItemOwner.META, ActionItemOwner::new),
            new Rule.Spec(ActionItemDue.META, s -> new ActionItemDue()),
            new Rule.Spec(ActionItemPriority.META, s -> new ActionItemPriority()),
            new Rule.Spec(DueDatePolicy.META, DueDatePolicy::new),
            new Rule.Spec(VagueActionItem.META, s -> new VagueActionItem()),
            new Rule.Spec(ActionItemsOutOfSync.META, s -> new ActionItemsOutOfSync()),
            new Rule.Spec(MissingSection.META, MissingSection::new),
            new Rule.Spec(FrontMatterRule.META, FrontMatterRule::new),
            new Rule.Spec(TimelineOrder.META, s -> new TimelineOrder()),
            new Rule.Spec(NoProcessAction.META, s -> new NoProcessAction()),
            new Rule.Spec(NoSecrets.META, s -> new NoSecrets()),
            new Rule.Spec(DisabledInPublished.META, s -> new DisabledInPublished()));

    private static final List<RuleMeta> METAS = metas(ALL);

    private Rules() {
    }

    private static List<RuleMeta> metas(List<Rule.Spec> specs) {
        List<RuleMeta> out = new ArrayList<>(specs.size());
        for (Rule.Spec s : specs) {
            out.add(s.meta());
        }
        return List.copyOf(out);
    }

    /** The metadata of every rule, in documentation order. */
    public static List<RuleMeta> metas() {
        return METAS;
    }
}
