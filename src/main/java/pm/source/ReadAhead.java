package pm.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;
import pm.model.SourceText;

/**
 * Reads the postmortems on disk under a folder on another thread, and does some work on each, while the caller
 * works out from git which files count (reading the index takes a quarter of a second for 10,000 files, with the
 * second core idle otherwise). Only regular {@code *.md} files are read ahead, as {@link Sources#tracked} reads
 * them from the working tree; links and files that cannot be read are left to the inputs, which read them again
 * and say what is wrong in their own words. What is not finished when the caller asks is read by the caller too.
 *
 * @param <T> what the work gives for one file
 */
public final class ReadAhead<T> {
    private final Path dir;
    private final Names names;
    private final BiFunction<String, SourceText, T> work;
    private final Map<String, T> done = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch listed = new CountDownLatch(1);
    private volatile MarkdownFiles.Walk walk;
    private Thread thread;

    private ReadAhead(Path dir, Names names, BiFunction<String, SourceText, T> work) {
        this.dir = dir;
        this.names = names;
        this.work = work;
    }

    /**
     * Starts reading under {@code dir}.
     *
     * @param work what to do with each file, given its name and its text; it runs on either thread, and a file
     *             it throws on is left to its input
     */
    public static <T> ReadAhead<T> start(Path dir, Names names, BiFunction<String, SourceText, T> work) {
        ReadAhead<T> ahead = new ReadAhead<>(dir, names, work);
        Thread t = new Thread(ahead::run, "pm-read-ahead");
        t.setDaemon(true);
        ahead.thread = t;
        t.start();
        return ahead;
    }

    private void run() {
        try {
            walk = Files.isDirectory(dir) ? MarkdownFiles.under(dir) : null;
        } finally {
            listed.countDown();
        }
        work();
    }

    /** Takes the next file not taken yet, until none is left; safe on several threads. */
    private void work() {
        MarkdownFiles.Walk w = walk;
        if (w == null) {
            return;
        }
        List<Path> files = w.files();
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            Path file = files.get(i);
            BasicFileAttributes attrs = w.attributes(file); // null for a link: left to the input
            if (attrs == null || !attrs.isRegularFile() || !file.toString().endsWith(Sources.SUFFIX)) {
                continue;
            }
            String name = names.of(file);
            try {
                done.put(name, work.apply(name, TextFiles.read(file, attrs)));
            } catch (InputException | RuntimeException e) {
                // left to the input, which reports it in its own words
            }
        }
    }

    /** Helps read what is left, then returns what the work gave, by the name each file is shown under. */
    public Map<String, T> finish() {
        try {
            listed.await();
            work();
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return done;
    }
}
