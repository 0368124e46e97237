package pm.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team's people ({@code people:} in {@code .pm.yml}): each one a handle with the names and e-mail addresses
 * that also mean them. Everything that names a person (an owner, an author, {@code --owner}, the git identity) goes
 * through {@link #canonical} so one person is one person everywhere.
 */
public final class People {
    public static final People NONE = new People(List.of());

    /** One person: the handle (with its '@') and the other ways they are written. */
    public record Person(String handle, List<String> names, List<String> emails) {
        public Person {
            handle = handle.startsWith("@") ? handle : "@" + handle;
            names = List.copyOf(names);
            emails = List.copyOf(emails);
        }
    }

    /** How an owner matched a {@code --owner} value. */
    public enum Match {
        /** Not the same person. */
        NONE,
        /** The same handle, name or e-mail, directly or through the map. */
        SAME,
        /** Without the map's help: the value is the first name of an owner written as a full name ("Sam Okafor"). */
        FIRST_NAME
    }

    private final List<Person> people;
    private final Map<String, Person> byKey = new HashMap<>();

    private People(List<Person> people) {
        this.people = List.copyOf(people);
        for (Person p : this.people) {
            byKey.putIfAbsent(key(p.handle()), p);
            for (String n : p.names()) {
                byKey.putIfAbsent(key(n), p);
            }
            for (String e : p.emails()) {
                byKey.putIfAbsent(key(e), p);
            }
        }
    }

    public static People of(List<Person> people) {
        return people.isEmpty() ? NONE : new People(people);
    }

    public boolean isEmpty() {
        return people.isEmpty();
    }

    public List<Person> all() {
        return people;
    }

    /** The person a handle, name or e-mail address means, when the map knows them. */
    public Optional<Person> find(String who) {
        return who == null || who.isBlank() ? Optional.empty() : Optional.ofNullable(byKey.get(key(who)));
    }

    /** The handle of the person {@code who} means ("Sam Okafor" → "@sam"), else {@code who} as written (stripped). */
    public String canonical(String who) {
        if (people.isEmpty()) {
            return who == null ? null : who.strip();
        }
        return find(who).map(Person::handle).orElse(who == null ? null : who.strip());
    }

    /** Whether {@code owner} is the person {@code query} (a {@code --owner} value) names, and how. */
    public Match matches(String query, String owner) {
        if (query == null || owner == null) {
            return Match.NONE;
        }
        if (key(canonical(query)).equals(key(canonical(owner)))) {
            return Match.SAME;
        }
        if (find(owner).isEmpty() && !key(query).contains(" ")) {
            String[] words = owner.strip().split("\\s+");
            if (words.length > 1 && key(words[0]).equals(key(query))) {
                return Match.FIRST_NAME;
            }
        }
        return Match.NONE;
    }

    /**
     * How names are compared: case, surrounding spaces and a leading '@' ignored, inner spaces made single; so
     * "@Sam", "sam" and " SAM " are one key, and an e-mail address compares ignoring case.
     */
    public static String key(String who) {
        String s = who.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }

    /** Builds the map from the entries as {@code .pm.yml} gives them. */
    public static final class Builder {
        private final List<Person> out = new ArrayList<>();

        public Builder add(String handle, List<String> names, List<String> emails) {
            out.add(new Person(handle.strip(), names, emails));
            return this;
        }

        public People build() {
            return of(out);
        }
    }
}
