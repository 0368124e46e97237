package pm.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pm.config.Config;
import pm.io.InputException;
import pm.model.SectionKind;
import pm.parse.Schema;
import pm.policy.Policies;
import pm.yaml.YamlNode;
import pm.yaml.YamlNode.Mapping;
import pm.yaml.YamlNode.Scalar;

/**
 * The {@code lint:} section of {@code .pm.yml}, validated: every mistake is an {@link InputException}
 * naming the line.
 *
 * <pre>
 * lint:
 *   rules:                       # per rule: error, warning, info or off
 *     timeline-order: off
 *   blame_phrases: [dropped the ball]       # also flag these (blame-language)
 *   allowed_phrases: [blameless]            # never flag text containing these
 *   owner_placeholders: [TBD, "?", none]    # owners that count as missing
 *   required_sections: [Summary, Timeline]  # default: all eight
 *   drafts:                      # while status: draft, these rules report at most at this level (or off)
 *     missing-section: warning   # default: the completeness rules at warning; 'drafts: off' relaxes none
 * </pre>
 *
 * @param severities     the severity of each enabled rule, by id; a rule turned off is absent
 * @param severityValues the incident severities front matter may use ({@code severities} in .pm.yml)
 * @param people         the handles and names of the team's people ({@code people:} in .pm.yml)
 * @param drafts         for a rule relaxed while a postmortem is a draft, the most it reports there ({@code null}:
 *                       nothing, the rule is off for drafts); a rule absent reports as configured
 * @param policies       the follow-up policies ({@code policies:} in .pm.yml), which due-date-policy applies
 */
public record LintSettings(
        Map<String, Severity> severities,
        List<String> blamePhrases,
        List<String> allowedPhrases,
        List<String> ownerPlaceholders,
        List<SectionKind> requiredSections,
        List<String> severityValues,
        List<String> people,
        Map<String, Severity> drafts,
        Policies policies) {

    /** Settings that name no people ({@code people:} in .pm.yml). */
    public LintSettings(Map<String, Severity> severities, List<String> blamePhrases, List<String> allowedPhrases,
            List<String> ownerPlaceholders, List<SectionKind> requiredSections, List<String> severityValues) {
        this(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections, severityValues, List.of(),
                DEFAULT_DRAFTS, Policies.DEFAULTS);
    }

    /** Settings with the default draft relaxations. */
    public LintSettings(Map<String, Severity> severities, List<String> blamePhrases, List<String> allowedPhrases,
            List<String> ownerPlaceholders, List<SectionKind> requiredSections, List<String> severityValues,
            List<String> people) {
        this(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections, severityValues, people,
                DEFAULT_DRAFTS, Policies.DEFAULTS);
    }

    /** Settings with the default follow-up policies. */
    public LintSettings(Map<String, Severity> severities, List<String> blamePhrases, List<String> allowedPhrases,
            List<String> ownerPlaceholders, List<SectionKind> requiredSections, List<String> severityValues,
            List<String> people, Map<String, Severity> drafts) {
        this(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections, severityValues, people,
                drafts, Policies.DEFAULTS);
    }

    /**
     * What a draft may leave unfinished, and so reports as warnings: sections still empty or holding the template's
     * prompts, action items without an owner, a due date or a priority, items not yet in the body, and front matter
     * not yet filled in (an empty severity). Blame is never relaxed: a draft is shared too.
     */
    public static final Map<String, Severity> DEFAULT_DRAFTS = defaultDrafts();

    private static Map<String, Severity> defaultDrafts() {
        Map<String, Severity> m = new LinkedHashMap<>();
        for (String id : List.of("missing-section", "action-item-owner", "action-item-due", "action-item-priority",
                "action-items-out-of-sync", "front-matter")) {
            m.put(id, Severity.WARNING);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The rules no draft relaxes. */
    public static final Set<String> NEVER_RELAXED = Set.of("blame-language", "no-secrets");

    public static final List<String> DEFAULT_OWNER_PLACEHOLDERS = pm.model.Owners.DEFAULT_PLACEHOLDERS;
    private static final Set<String> KEYS = Set.of("rules", "section_synonyms", "blame_phrases", "allowed_phrases",
            "owner_placeholders", "required_sections", "drafts");

    public LintSettings {
        severities = Map.copyOf(severities);
        blamePhrases = List.copyOf(blamePhrases);
        allowedPhrases = List.copyOf(allowedPhrases);
        ownerPlaceholders = List.copyOf(ownerPlaceholders);
        requiredSections = List.copyOf(requiredSections);
        severityValues = List.copyOf(severityValues);
        people = List.copyOf(people);
        drafts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drafts)); // a null value: off in drafts
        java.util.Objects.requireNonNull(policies, "policies");
    }

    /** Every rule of {@code rules} at its default severity, the default placeholders and all eight sections. */
    public static LintSettings defaults(List<RuleMeta> rules) {
        Map<String, Severity> sev = new LinkedHashMap<>();
        for (RuleMeta rule : rules) {
            sev.put(rule.id(), rule.severity());
        }
        return new LintSettings(sev, List.of(), List.of(), DEFAULT_OWNER_PLACEHOLDERS,
                List.of(SectionKind.values()), Schema.DEFAULT_SEVERITIES);
    }

    /** Reads {@code lint:} from a loaded config for a set of rules; the defaults when it is absent. */
    public static LintSettings of(Config config, List<RuleMeta> rules) throws InputException {
        Mapping lint = config.section("lint");
        if (lint == null) {
            return defaults(rules).withSeverityValues(config.schema().severities()).withPeople(config.people())
                    .withPolicies(Policies.from(config));
        }
        Path file = config.file();
        for (YamlNode.Entry e : lint.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new InputException(file, e.keyLine(), "unknown setting 'lint." + e.key() + "'; known: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        LintSettings d = defaults(rules);
        Map<String, Severity> sev = new LinkedHashMap<>(d.severities());
        YamlNode perRule = lint.get("rules");
        if (perRule instanceof Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                if (!isRule(rules, e.key())) {
                    throw new InputException(file, e.keyLine(), "unknown rule '" + e.key() + "' in lint.rules; "
                            + "rules: " + String.join(", ", ids(rules)));
                }
                String id = RuleMeta.canonical(rules, e.key()); // an old id names the rule it became
                String value = e.value() instanceof Scalar s && !s.isNull() ? s.text().strip() : "";
                if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                    sev.remove(id);
                } else {
                    Severity s = Severity.parse(value).orElseThrow(() -> new InputException(file,
                            e.value() == null ? e.keyLine() : e.value().line(), "lint.rules." + e.key()
                                    + ": '" + value + "' is not a severity; use error, warning, info or off"));
                    sev.put(id, s);
                }
            }
        } else if (perRule != null && !(perRule instanceof Scalar s && s.isNull())) {
            throw new InputException(file, perRule.line(), "lint.rules must map rule ids to error, warning, info "
                    + "or off, e.g. 'timeline-order: off'");
        }
        List<String> placeholders = Config.strings(file, lint, "owner_placeholders", d.ownerPlaceholders());
        List<SectionKind> sections = d.requiredSections();
        if (lint.get("required_sections") != null) {
            List<String> names = Config.strings(file, lint, "required_sections", List.of());
            sections = new ArrayList<>();
            for (String name : names) {
                SectionKind kind = SectionKind.fromHeading(name).orElseThrow(() -> new InputException(file,
                        lint.get("required_sections").line(), "lint.required_sections: '" + name
                                + "' is not one of the eight sections (" + SectionKind.titles() + ")"));
                if (!sections.contains(kind)) {
                    sections.add(kind);
                }
            }
        }
        return new LintSettings(sev,
                Config.strings(file, lint, "blame_phrases", List.of()),
                Config.strings(file, lint, "allowed_phrases", List.of()),
                placeholders, sections, config.schema().severities(), config.people(), drafts(file, lint, rules),
                Policies.from(config));
    }

    /**
     * {@code lint.drafts}: a mapping from rule id to the most it reports in a draft (error, warning, info or off), or
     * {@code off} for no relaxation; the defaults when absent. A rule not named keeps its default relaxation.
     */
    private static Map<String, Severity> drafts(Path file, Mapping lint, List<RuleMeta> rules) throws InputException {
        YamlNode node = lint.get("drafts");
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return DEFAULT_DRAFTS;
        }
        if (node instanceof Scalar s && (s.text().strip().equalsIgnoreCase("off")
                || s.text().strip().equalsIgnoreCase("false"))) {
            return Map.of();
        }
        if (!(node instanceof Mapping m)) {
            throw new InputException(file, node.line(), "lint.drafts must map rule ids to the most they report in a "
                    + "draft (error, warning, info or off), e.g. 'missing-section: warning', or be 'off'");
        }
        Map<String, Severity> out = new LinkedHashMap<>(DEFAULT_DRAFTS);
        for (YamlNode.Entry e : m.entries().values()) {
            if (!isRule(rules, e.key())) {
                throw new InputException(file, e.keyLine(), "unknown rule '" + e.key() + "' in lint.drafts; rules: "
                        + String.join(", ", ids(rules)));
            }
            if (NEVER_RELAXED.contains(e.key())) {
                throw new InputException(file, e.keyLine(), "lint.drafts cannot relax " + e.key() + ": a draft is "
                        + "shared too; remove the line");
            }
            String id = RuleMeta.canonical(rules, e.key());
            String value = e.value() instanceof Scalar s && !s.isNull() ? s.text().strip() : "";
            if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                out.put(id, null);
            } else {
                Severity level = Severity.parse(value).orElseThrow(() -> new InputException(file,
                        e.value() == null ? e.keyLine() : e.value().line(), "lint.drafts." + e.key() + ": '" + value
                                + "' is not a severity; use error, warning, info or off"));
                out.put(id, level);
            }
        }
        return out;
    }

    private static boolean isRule(List<RuleMeta> rules, String id) {
        for (RuleMeta r : rules) {
            if (r.named(id)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> ids(List<RuleMeta> rules) {
        List<String> ids = new ArrayList<>();
        for (RuleMeta r : rules) {
            ids.add(r.id());
        }
        return ids;
    }

    private LintSettings withSeverityValues(List<String> values) {
        return new LintSettings(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections,
                values, people, drafts, policies);
    }

    private LintSettings withPeople(List<String> names) {
        return new LintSettings(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections,
                severityValues, names, drafts, policies);
    }

    /** The same settings with other follow-up policies. */
    public LintSettings withPolicies(Policies other) {
        return new LintSettings(severities, blamePhrases, allowedPhrases, ownerPlaceholders, requiredSections,
                severityValues, people, drafts, other);
    }
}
