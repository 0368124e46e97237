package pm.git;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import pm.io.InputException;

/**
 * The commits that changed files under a folder, oldest first, each with the blobs it wrote (or the files it
 * deleted): one walk of the history from a revision, limited to the folder, diffing each commit against its
 * first parent. Blobs are named, not read: the caller reads each new blob once ({@link TrackedFiles#read}).
 */
public final class FileHistory {
    private FileHistory() {
    }

    /**
     * One changed file of a commit.
     *
     * @param blob the content the commit gave it, or {@code null} when the commit deleted it
     */
    public record Change(String path, ObjectId blob) {
    }

    /**
     * A commit that changed the folder.
     *
     * @param id      the commit's abbreviated id (12 hex digits)
     * @param time    its committer date: when the change landed in this history
     * @param author  its author's name, as git records it (shown with what was closed; never counted)
     * @param changes the files it changed under the folder ({@code suffix} files only)
     */
    public record Commit(String id, Instant time, String author, String subject, List<Change> changes) {
        public Commit {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Why there is no history to read, or {@code null} when there is: no commit at {@code rev} (or HEAD), or a
     * shallow clone, whose oldest commits would all look like the first.
     */
    public static String missing(TrackedFiles git, String rev) throws InputException {
        Repository repo = git.repository();
        if (repo.getObjectDatabase() instanceof ObjectDirectory od) {
            try {
                if (!od.getShallowCommits().isEmpty()) {
                    return "a shallow clone (git fetch --unshallow to read the history)";
                }
            } catch (IOException e) {
                return "the shallow-clone list cannot be read: " + e.getMessage();
            }
        }
        try {
            return repo.resolve((rev == null ? "HEAD" : rev) + "^{commit}") == null ? "no commits yet" : null;
        } catch (IOException | RevisionSyntaxException e) {
            return "no commits yet";
        }
    }

    /** The committer date of a revision, or {@code null} when it names no commit. */
    public static Instant commitTime(TrackedFiles git, String rev) throws InputException {
        Repository repo = git.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(rev + "^{commit}");
            return id == null ? null : Instant.ofEpochSecond(walk.parseCommit(id).getCommitTime());
        } catch (IOException | RevisionSyntaxException e) {
            return null;
        }
    }

    /**
     * The commits reachable from {@code rev} (HEAD when {@code null}) that changed a {@code suffix} file under
     * {@code prefix} (a folder relative to the work tree, '/' separated, empty for all), oldest first.
     */
    public static List<Commit> of(TrackedFiles git, String rev, String prefix, String suffix) throws InputException {
        Repository repo = git.repository();
        String folder = prefix == null ? "" : prefix.replace('\\', '/').replaceAll("^/+|/+$", "");
        if (folder.equals(".")) {
            folder = "";
        }
        List<Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            ObjectId start = repo.resolve((rev == null ? "HEAD" : rev) + "^{commit}");
            if (start == null) {
                return out;
            }
            walk.setRetainBody(true);
            walk.markStart(walk.parseCommit(start));
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.sort(RevSort.REVERSE, true);
            Trees trees = new Trees(reader);
            String[] parts = folder.isEmpty() ? new String[0] : folder.split("/");
            String base = folder.isEmpty() ? "" : folder + "/";
            for (RevCommit c : walk) {
                ObjectId now = trees.subtree(c.getTree(), parts);
                ObjectId before = c.getParentCount() == 0 ? null : trees.subtree(c.getParent(0).getTree(), parts);
                if (now == null ? before == null : now.equals(before)) {
                    continue; // nothing under the folder changed
                }
                List<Change> changes = new ArrayList<>();
                trees.diff(base, before, now, suffix, changes);
                if (!changes.isEmpty()) {
                    out.add(new Commit(c.abbreviate(12).name(), Instant.ofEpochSecond(c.getCommitTime()),
                            c.getAuthorIdent().getName(), c.getShortMessage(), changes));
                }
            }
        } catch (IOException | RevisionSyntaxException e) {
            throw new InputException("the git history cannot be read: " + e.getMessage() + "; add --no-git to "
                    + "report without it");
        }
        return out;
    }

    /**
     * Tree objects read raw and compared entry by entry, the last few kept: a commit's parent's folder is most often
     * the folder of the commit walked just before, so each version of a large folder is inflated once, not twice.
     */
    static final class Trees {
        private final ObjectReader reader;
        private final java.util.Map<ObjectId, byte[]> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<ObjectId, byte[]> eldest) {
                return size() > 4;
            }
        };

        Trees(ObjectReader reader) {
            this.reader = reader;
        }

        byte[] raw(ObjectId tree) throws IOException {
            byte[] b = recent.get(tree);
            if (b == null) {
                b = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
                recent.put(tree.copy(), b);
            }
            return b;
        }

        /** The tree at {@code parts} under {@code root}, or {@code null} when there is none. */
        ObjectId subtree(ObjectId root, String[] parts) throws IOException {
            ObjectId at = root;
            for (String part : parts) {
                byte[] raw = raw(at);
                byte[] name = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                at = null;
                for (int i = 0; i < raw.length; ) {
                    int space = indexOf(raw, (byte) ' ', i);
                    int nul = indexOf(raw, (byte) 0, space + 1);
                    if (isTree(raw, i, space) && java.util.Arrays.equals(raw, space + 1, nul, name, 0, name.length)) {
                        at = ObjectId.fromRaw(raw, nul + 1);
                        break;
                    }
                    i = nul + 21;
                }
                if (at == null) {
                    return null;
                }
            }
            return at;
        }

        /** The {@code suffix} files that differ between two trees ({@code null}: none), recursively. */
        void diff(String path, ObjectId a, ObjectId b, String suffix, List<Change> out) throws IOException {
            byte[] x = a == null ? new byte[0] : raw(a);
            byte[] y = b == null ? new byte[0] : raw(b);
            int i = 0;
            int j = 0;
            int xEnd = x.length;
            int yEnd = y.length;
            if (a != null && b != null) {
                // only the entries between the bytes both trees start with and the bytes both end with can differ:
                // a large folder with one file changed is compared where it changed, not entry by entry
                int[] xs = starts(a, x);
                int m = java.util.Arrays.mismatch(x, y);
                if (m < 0) {
                    return;
                }
                int k = java.util.Arrays.binarySearch(xs, m);
                k = k >= 0 ? k : -k - 2;
                i = xs[k];
                j = i;
                int same = commonSuffix(x, y);
                int shift = y.length - x.length;
                int q = j;
                List<Integer> middle = new ArrayList<>();
                while (q < y.length && !(q >= y.length - same && q - shift >= i
                        && java.util.Arrays.binarySearch(xs, q - shift) >= 0)) {
                    middle.add(q);
                    q = indexOf(y, (byte) 0, indexOf(y, (byte) ' ', q) + 1) + 21;
                }
                yEnd = q;
                xEnd = q - shift;
                int from = java.util.Arrays.binarySearch(xs, xEnd);
                int[] ys = new int[k + middle.size() + xs.length - from];
                System.arraycopy(xs, 0, ys, 0, k);
                for (int t = 0; t < middle.size(); t++) {
                    ys[k + t] = middle.get(t);
                }
                for (int t = from; t < xs.length; t++) {
                    ys[k + middle.size() + t - from] = xs[t] + shift;
                }
                starts.put(b.copy(), ys);
            }
            while (i < xEnd || j < yEnd) {
                int c;
                int xs = 0;
                int xn = 0;
                int ys = 0;
                int yn = 0;
                if (i < xEnd) {
                    xs = indexOf(x, (byte) ' ', i);
                    xn = indexOf(x, (byte) 0, xs + 1);
                }
                if (j < yEnd) {
                    ys = indexOf(y, (byte) ' ', j);
                    yn = indexOf(y, (byte) 0, ys + 1);
                }
                if (i >= xEnd) {
                    c = 1;
                } else if (j >= yEnd) {
                    c = -1;
                } else {
                    c = compare(x, xs + 1, xn, isTree(x, i, xs), y, ys + 1, yn, isTree(y, j, ys));
                }
                if (c < 0) { // only in a: deleted
                    gone(path, x, i, xs, xn, suffix, out);
                    i = xn + 21;
                } else if (c > 0) { // only in b: added
                    added(path, y, j, ys, yn, suffix, out);
                    j = yn + 21;
                } else {
                    boolean same = java.util.Arrays.equals(x, xn + 1, xn + 21, y, yn + 1, yn + 21)
                            && java.util.Arrays.equals(x, i, xs, y, j, ys);
                    if (!same) {
                        boolean xt = isTree(x, i, xs);
                        boolean yt = isTree(y, j, ys);
                        if (xt && yt) {
                            diff(path + name(x, xs, xn) + "/", ObjectId.fromRaw(x, xn + 1), ObjectId.fromRaw(y, yn + 1),
                                    suffix, out);
                        } else if (!xt && !yt) {
                            added(path, y, j, ys, yn, suffix, out); // a file changed: its new content
                        } else {
                            gone(path, x, i, xs, xn, suffix, out);
                            added(path, y, j, ys, yn, suffix, out);
                        }
                    }
                    i = xn + 21;
                    j = yn + 21;
                }
            }
        }

        private final java.util.Map<ObjectId, int[]> starts = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<ObjectId, int[]> eldest) {
                return size() > 4;
            }
        };

        /** Where each entry of a tree starts, and its length last. */
        private int[] starts(ObjectId id, byte[] t) {
            int[] known = starts.get(id);
            if (known != null) {
                return known;
            }
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < t.length; i = indexOf(t, (byte) 0, indexOf(t, (byte) ' ', i) + 1) + 21) {
                at.add(i);
            }
            int[] out = new int[at.size() + 1];
            for (int k = 0; k < at.size(); k++) {
                out[k] = at.get(k);
            }
            out[at.size()] = t.length;
            starts.put(id.copy(), out);
            return out;
        }

        /** How many bytes two arrays end with alike. */
        private static int commonSuffix(byte[] x, byte[] y) {
            int n = Math.min(x.length, y.length);
            int s = 0;
            while (s + 4096 <= n && java.util.Arrays.equals(x, x.length - s - 4096, x.length - s, y,
                    y.length - s - 4096, y.length - s)) {
                s += 4096;
            }
            while (s < n && x[x.length - 1 - s] == y[y.length - 1 - s]) {
                s++;
            }
            return s;
        }

        private void gone(String path, byte[] t, int at, int space, int nul, String suffix, List<Change> out)
                throws IOException {
            if (isTree(t, at, space)) {
                diff(path + name(t, space, nul) + "/", ObjectId.fromRaw(t, nul + 1), null, suffix, out);
            } else {
                String p = path + name(t, space, nul);
                if (p.endsWith(suffix)) {
                    out.add(new Change(p, null));
                }
            }
        }

        private void added(String path, byte[] t, int at, int space, int nul, String suffix, List<Change> out)
                throws IOException {
            if (isTree(t, at, space)) {
                diff(path + name(t, space, nul) + "/", null, ObjectId.fromRaw(t, nul + 1), suffix, out);
            } else {
                String p = path + name(t, space, nul);
                if (p.endsWith(suffix)) {
                    // a regular or executable file; a link or a submodule is no postmortem: as if deleted
                    boolean file = t[at] == '1' && t[at + 1] == '0';
                    out.add(new Change(p, file ? ObjectId.fromRaw(t, nul + 1) : null));
                }
            }
        }

        private static String name(byte[] t, int space, int nul) {
            return new String(t, space + 1, nul - space - 1, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Whether the entry's mode is a tree's (40000). */
        private static boolean isTree(byte[] t, int at, int space) {
            return space - at == 5 && t[at] == '4';
        }

        /** Git's order of tree entries: by name, a tree's name compared as if it ended in '/'. */
        private static int compare(byte[] x, int xs, int xe, boolean xt, byte[] y, int ys, int ye, boolean yt) {
            int n = Math.min(xe - xs, ye - ys);
            for (int k = 0; k < n; k++) {
                int d = (x[xs + k] & 0xff) - (y[ys + k] & 0xff);
                if (d != 0) {
                    return d;
                }
            }
            int cx = xs + n < xe ? x[xs + n] & 0xff : xt ? '/' : 0;
            int cy = ys + n < ye ? y[ys + n] & 0xff : yt ? '/' : 0;
            if (cx != cy) {
                return cx - cy;
            }
            // the same name: a file and a folder of that name are different entries; same kind, the same entry
            return xt == yt ? 0 : xt ? 1 : -1;
        }

        private static int indexOf(byte[] t, byte b, int from) {
            for (int k = from; k < t.length; k++) {
                if (t[k] == b) {
                    return k;
                }
            }
            return t.length;
        }
    }
}
