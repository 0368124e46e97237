package pm.hardening;

import java.util.concurrent.atomic.AtomicInteger;

/** A class YAML tags name in tests: initializing it, building one or calling its setter counts in {@link Log#TRIPS}. */
public final class Tripwire {
    /** Kept in a nested holder so reading it does not initialize {@link Tripwire} itself. */
    static final class Log {
        static final AtomicInteger TRIPS = new AtomicInteger();
    }

    static {
        Log.TRIPS.incrementAndGet();
    }

    public Tripwire() {
        Log.TRIPS.incrementAndGet();
    }

    public void setValue(String value) {
        Log.TRIPS.incrementAndGet();
    }
}
