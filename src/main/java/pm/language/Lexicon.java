package pm.language;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Word lists that tell people from systems, and the closed word classes the subject finder needs. */
final class Lexicon {
    private static final java.util.regex.Pattern POSSESSIVE_END = java.util.regex.Pattern.compile("['’]s?$");


    /** What a noun phrase refers to. {@code NONE} means there is no subject at all (a fragment). */
    enum Kind {
        /** Someone other than the writers: a name, a handle, a role, "he", "she", people. */
        PERSON,
        /** The writers themselves: "we", "I", "our team". */
        SELF,
        SYSTEM,
        /** A capitalised word that is no known name, program or word: perhaps a person ("Tariq"), perhaps not. */
        MAYBE,
        UNKNOWN, NONE;

        /** Whether a person acts: the writers or anyone else. */
        boolean isPersonal() {
            return this == PERSON || this == SELF;
        }
    }

    /** The writers, speaking of themselves. */
    static final Set<String> SELF_PRONOUNS = words("we", "i", "us", "me", "myself", "ourselves");

    static final Set<String> ROLES = words(
            "engineer", "developer", "operator", "on-call", "oncall", "on-caller", "sre", "admin",
            "administrator", "sysadmin", "team", "member", "contractor", "intern", "analyst", "dba", "reviewer",
            "approver", "author", "manager", "lead", "captain", "commander", "ic", "maintainer", "person", "people",
            "staff", "employee", "responder", "ops", "devops", "qa", "tester", "architect", "consultant",
            "hire", "colleague", "coworker", "co-worker", "individual", "human", "guy", "folks", "programmer",
            "technician", "specialist", "owner", "committer", "contributor", "newcomer",
            "scientist", "designer", "officer", "director", "cto", "ceo", "vp", "founder");

    static final Set<String> PERSON_PRONOUNS = words(
            "he", "she", "they", "you", "someone", "somebody", "nobody", "no-one", "anyone",
            "anybody", "everyone", "everybody", "whoever");

    static final Set<String> THING_PRONOUNS = words("it", "which", "its", "what", "something", "nothing",
            "everything", "anything");

    /** Software, infrastructure and process nouns, plus common product names. */
    static final Set<String> SYSTEMS = words(
            "alert", "alerting", "alarm", "monitor", "monitoring", "job", "service", "server", "check", "pipeline",
            "test", "suite", "script", "client", "library", "lib", "sdk", "deploy", "deployment", "cron", "cronjob",
            "config", "configuration", "cache", "probe", "tool", "tooling", "bot", "process", "system", "app",
            "application", "api", "database", "db", "cluster", "node", "pod", "container", "queue", "consumer",
            "producer", "broker", "worker", "scheduler", "runner", "controller", "balancer", "proxy", "gateway",
            "endpoint", "rule", "policy", "plan", "runbook", "dashboard", "pager", "page", "switch", "flag",
            "firewall", "replica", "backup", "snapshot", "migration", "build", "image", "certificate", "cert", "key",
            "token", "dns", "cdn", "environment", "staging", "production", "limiter", "breaker", "retry", "retries",
            "handler", "parser", "linter", "scanner", "code", "function", "module", "disk", "network", "router",
            "traffic", "exporter", "autoscaler", "provider", "version", "release", "update", "change", "rollout",
            "rollback", "failover", "request", "response", "connection", "daemon", "kernel", "os",
            "browser", "device", "phone", "host", "instance", "vm", "machine", "hardware", "storage", "bucket",
            "table", "index", "schema", "record", "field", "column", "query", "load", "batch", "task", "step",
            "integration", "webhook", "hook", "plugin", "extension", "setting", "default", "template", "manifest",
            "chart", "operator-sdk", "timeout", "lock", "pool", "thread", "process", "packet", "message", "event",
            "metric", "log", "logger", "logging", "trace", "tracer", "ci", "cd", "vpn", "lb", "waf", "iam", "ui",
            "console", "cli", "wrapper", "registry", "repository", "repo", "branch", "commit", "loader", "importer",
            "exporter", "indexer", "crawler", "scraper", "executor", "orchestrator", "framework", "runtime",
            "compiler", "interpreter", "driver", "firmware", "certificate-manager", "workflow", "action", "engine",
            "platform", "infrastructure", "stack", "mesh", "sidecar", "ingress", "egress", "resolver", "zone",
            "kafka", "redis", "postgres", "postgresql", "mysql", "kubernetes", "k8s", "terraform", "helm", "docker",
            "nginx", "stripe", "github", "gitlab", "aws", "gcp", "azure", "sentry", "elasticsearch", "travis",
            "jenkins", "vault", "consul", "prometheus", "grafana", "pagerduty", "slack", "cloudflare", "argo",
            "argocd", "ansible", "puppet", "spark", "airflow", "mongodb", "mongo", "cassandra", "rabbitmq",
            "zookeeper", "etcd", "envoy", "istio", "traefik", "haproxy", "lambda", "dynamodb", "bigquery",
            "snowflake", "datadog", "opsgenie", "jira", "linux", "ubuntu", "debian", "android", "ios", "chrome",
            "safari", "firefox", "windows", "macos", "java", "python", "ruby", "cert-manager", "borgmon", "okta",
            "auth0", "apns", "twilio", "cloudwatch", "crashlytics", "testflight", "celery", "sidekiq", "varnish",
            "memcached", "clickhouse", "kibana", "fluentd", "logstash", "vercel", "heroku", "netlify", "fastly",
            "akamai", "circleci", "buildkite", "renovate", "dependabot", "chatops", "cron-job", "automation", "aurora",
            "volume", "volumes", "discord", "zulip", "telegram", "keybase", "npm", "pypi",
            "athena", "alexa", "hugo", "ruby", "julia", "loki", "thanos", "mimir", "tempo", "jaeger", "harbor",
            "rancher", "nomad", "ceph", "rook", "velero", "flux", "tekton", "calico", "cilium", "flannel", "linkerd",
            "caddy", "apache", "tomcat", "pulsar", "nats", "mariadb", "vitess", "druid", "presto", "trino", "flink",
            "dagster", "luigi", "looker", "metabase", "superset", "graphite", "honeycomb", "bugsnag", "rollbar",
            "gerrit", "drone", "concourse", "spinnaker", "pulumi", "chef", "packer", "vagrant", "podman",
            "containerd", "openshift", "fargate", "immich", "frigate", "nextcloud", "seafile", "jellyfin", "plex",
            "pihole", "opnsense", "pfsense", "unifi", "proxmox", "truenas", "synology", "ollama", "zigbee",
            "mosquitto", "netlify", "claude", "copilot", "chatgpt", "gemini", "cursor");

    static final Set<String> DETERMINERS = words(
            "the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "my", "your", "its",
            "some", "any", "every", "each", "all", "no", "both", "another", "one", "whose");

    static final Set<String> PREPOSITIONS = words(
            "in", "on", "at", "of", "for", "from", "with", "by", "to", "into", "onto", "under", "over", "behind",
            "across", "inside", "outside", "near", "within", "about", "between", "among", "through", "via", "per",
            "against", "during", "after", "before", "since", "until", "without", "like", "than", "as", "upon");

    static final Set<String> CONJUNCTIONS = words("and", "but", "or", "nor", "then", "so", "yet", "&");

    static final Set<String> SUBORDINATORS = words(
            "because", "when", "while", "if", "although", "though", "once", "unless", "whereas", "where", "who",
            "whom", "which", "that", "since", "after", "before", "until");

    static final Set<String> AUXILIARIES = words(
            "is", "was", "were", "are", "am", "be", "been", "being", "has", "have", "had", "did", "does", "do",
            "should", "could", "would", "will", "can", "may", "might", "must", "shall", "isn't", "wasn't",
            "weren't", "aren't", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't", "shouldn't",
            "couldn't", "wouldn't", "won't", "can't", "cannot", "mustn't", "should've", "could've", "would've",
            "'ve", "'d", "'s", "'re", "not", "n't");

    static final Set<String> PERFECT_AUXILIARIES = words("has", "have", "had", "'ve", "'d");

    /** Adverbs that sit between a subject and its verb without changing who acts. */
    static final Set<String> ADVERBS = words(
            "never", "also", "just", "then", "again", "still", "even", "already", "once", "simply", "soon", "later",
            "first", "only", "ever", "now", "really", "actually", "clearly", "obviously", "apparently", "initially",
            "explicitly", "not", "n't", "too", "all", "both", "himself", "herself", "themselves", "ourselves");

    static final Set<String> IRREGULAR_PAST = words(
            "made", "ran", "took", "broke", "put", "set", "left", "sent", "went", "got", "gave", "wrote", "read",
            "chose", "saw", "knew", "thought", "told", "said", "brought", "kept", "lost", "began", "hit", "led",
            "found", "held", "shut", "spent", "understood", "forgot", "misread", "came", "became", "fell", "froze",
            "drove", "overrode", "overwrote", "undid", "stuck", "split", "cut", "let", "paid", "built", "caught",
            "meant", "felt", "dealt", "heard", "stood", "won", "hung", "dug", "shook", "woke", "drew", "grew",
            "threw", "blew", "flew", "rang", "sank", "spun", "struck", "did", "had", "was", "were", "pushed",
            "mistook", "overlooked", "forgot", "ignored", "took");

    /** Capitalised words that commonly start a sentence and are not names. */
    static final Set<String> STARTERS = words(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "here", "our", "their", "his",
            "her", "my", "your", "some", "any", "all", "each", "every", "no", "none", "once", "after", "before",
            "during", "when", "while", "if", "because", "since", "although", "though", "however", "then", "in",
            "on", "at", "for", "from", "to", "with", "without", "by", "as", "also", "both", "only", "most", "many",
            "several", "few", "later", "earlier", "today", "yesterday", "finally", "first", "second", "third",
            "next", "meanwhile", "unfortunately", "luckily", "additionally", "impact", "detection", "resolution",
            "root", "primary", "cause", "note", "why", "how", "what", "who", "where", "should", "could", "would",
            "did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "can", "will", "one", "two",
            "three", "four", "five", "ten", "again", "still", "yet", "so", "thus", "therefore", "overall",
            "eventually", "ultimately", "clearly", "obviously", "unlike", "like", "per", "via", "upon", "until",
            "whoever", "whatever", "anything", "everything", "nothing", "something", "lack", "loss", "part",
            "half", "much", "more", "less", "latency", "traffic", "usage", "memory", "heap", "ingress", "egress",
            "recovery", "diagnosis", "impact", "trigger", "summary", "background", "timeline", "customer",
            "support", "security", "payments", "data", "capacity", "quota", "rollback", "failover", "backup");

    static final Set<String> CALENDAR = words(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "black", "christmas", "easter", "utc", "gmt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,5}");
    /** All capitals, digits or inner capitals: code or an acronym, not a name. */
    static final Pattern ACRONYM_LIKE = Pattern.compile(".*[0-9_./].*|.+\\p{Lu}.*|\\p{Lu}{2,}s?");
    private static final Pattern CODE_LIKE = Pattern.compile(".*[0-9_./].*|.+\\p{Lu}.*|\\p{Lu}{2,}s?");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]+");
    /** Names with an inner capital: "Sven-Erik", "O'Brien", "McKenna" (not "PostHog", which is code-like). */
    private static final Pattern COMPOUND_NAME = Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)+|[OD]['’]\\p{Lu}\\p{Ll}+|(?:Mc|De|La)\\p{Lu}\\p{Ll}+");
    private static final Pattern NOT_A_NAME_ENDING = Pattern.compile(
            ".*(?:ing|ion|ions|ment|ness|ity|ance|ence|ure|ics|ism|ogy|age|ery|ly|[^aiou]s)");

    private Lexicon() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(List.of(words));
    }

    static Kind classify(Token token) {
        String word = token.bare();
        if (word.startsWith("@")) {
            return Kind.PERSON;
        }
        if (SELF_PRONOUNS.contains(word)) {
            return Kind.SELF;
        }
        if (isRole(word) || PERSON_PRONOUNS.contains(word)) {
            return Kind.PERSON;
        }
        if (THING_PRONOUNS.contains(word) || SYSTEMS.contains(word) || SYSTEMS.contains(singular(word))) {
            return Kind.SYSTEM;
        }
        String text = POSSESSIVE_END.matcher(token.text()).replaceAll("");
        if (ACRONYM.matcher(text).matches()) {
            return Kind.UNKNOWN; // "ICL", "QA", "DNS": a team or a system; the word lists above know the usual ones
        }
        if (CODE_LIKE.matcher(text).matches() && !COMPOUND_NAME.matcher(text).matches()) {
            return Kind.SYSTEM;
        }
        if (looksLikeName(token, text, word)) {
            return Kind.PERSON;
        }
        return mayBeName(token, text, word) ? Kind.MAYBE : Kind.UNKNOWN;
    }

    static boolean isRole(String word) {
        return ROLES.contains(word) || ROLES.contains(singular(word));
    }

    /**
     * A capitalised word is a person when it is a given name ({@link FirstNames}); a name that is also an ordinary
     * word ("Will", "May", "Grant") only inside a sentence, not at its start.
     */
    private static boolean looksLikeName(Token token, String text, String word) {
        boolean capitalised = CAPITALISED.matcher(text).matches() || COMPOUND_NAME.matcher(text).matches();
        if (!capitalised || CALENDAR.contains(word)) {
            return false;
        }
        String first = text.indexOf('-') > 0 ? text.substring(0, text.indexOf('-')) : text;
        if (FirstNames.isName(first)) {
            return true;
        }
        return FirstNames.isAmbiguousName(first) && !STARTERS.contains(word) && !MODAL_NAMES.contains(word);
    }

    /** Ambiguous names that are also modal verbs, which start many sentences: "Will", "May", "Might". */
    private static final Set<String> MODAL_NAMES = words("will", "may", "might", "can", "must", "shall");

    /**
     * A capitalised word that no list knows could be a name the list lacks ("Tariq", "Ifeoma", "Hyun-woo"): not at
     * the start of a sentence unless it is no common opener or noun-like word ("Invalid", "Migration").
     */
    private static boolean mayBeName(Token token, String text, String word) {
        boolean capitalised = CAPITALISED.matcher(text).matches() || COMPOUND_NAME.matcher(text).matches()
                || HYPHENATED_NAME.matcher(text).matches();
        if (!capitalised || CALENDAR.contains(word) || STARTERS.contains(word) || FUNCTION_LIKE.contains(word)) {
            return false;
        }
        // inside a sentence a capital says "name"; at its start, a noun's or adjective's ending says otherwise
        return !token.initial() || !NOT_A_NAME_ENDING.matcher(word).matches() && !ADJECTIVE_ENDING.matcher(word).matches();
    }

    private static final Pattern HYPHENATED_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:-\\p{Ll}+)+");
    private static final Pattern ADJECTIVE_ENDING = Pattern.compile(".*(?:able|ible|ful|less|ous|ive|ic|al|ary|ed|"
            + "est|er)");
    private static final Set<String> FUNCTION_LIKE = words("not", "no", "yes", "ok", "okay", "new", "old", "manual",
            "invalid", "valid", "missing", "wrong", "bad", "good", "high", "low", "full", "empty", "main", "user",
            "admin", "root", "step", "why", "how", "what", "when", "where", "which", "who", "whose", "each", "today");

    /** Whether a token is a capitalised name (not a role, a pronoun or a handle). */
    static boolean isProperName(Token token) {
        String w = token.bare();
        return !w.startsWith("@") && !isRole(w) && !PERSON_PRONOUNS.contains(w) && !SELF_PRONOUNS.contains(w)
                && !token.text().isEmpty() && Character.isUpperCase(token.text().charAt(0));
    }

    /** A pronoun for people, the writers included. */
    static boolean isPersonalPronoun(String word) {
        return PERSON_PRONOUNS.contains(word) || SELF_PRONOUNS.contains(word);
    }

    /** A word without its possessive ending: "Kim's" is "Kim". */
    static String withoutPossessive(String text) {
        return POSSESSIVE_END.matcher(text).replaceAll("");
    }

    static boolean isFunctionWord(String word) {
        return DETERMINERS.contains(word) || PREPOSITIONS.contains(word) || CONJUNCTIONS.contains(word)
                || SUBORDINATORS.contains(word) || AUXILIARIES.contains(word);
    }

    static boolean isAdverb(String word) {
        return ADVERBS.contains(word) || (word.endsWith("ly") && word.length() > 4 && !word.equals("only"));
    }

    static boolean isPastTense(String word) {
        return IRREGULAR_PAST.contains(word) || (word.endsWith("ed") && word.length() > 3 && !word.endsWith("eed"));
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
