package pm.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.TempGit;

/** The index read without JGit lists what JGit lists, and anything it does not know is left to JGit. */
class IndexFileTest {
    @TempDir
    Path repo;

    private static final ObjectId BLOB = ObjectId.fromString("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");

    /**
     * Writes an index with JGit: every kind of entry pm meets, in index version 2 or 4; version 2 rewritten as 3
     * with extended flags when asked.
     */
    private Path writeIndex(Git git, int version, boolean extended) throws Exception {
        StoredConfig config = git.getRepository().getConfig();
        config.setInt("index", null, "version", version);
        config.save();
        DirCache dc = git.getRepository().lockDirCache();
        DirCacheBuilder b = dc.builder();
        String deep = "pm/" + "a-long-folder-name-for-a-long-path/".repeat(130) + "deep.md"; // over 0xFFF bytes
        for (String path : List.of("README.md", "pm/2024-01-02-db.md", "pm/café-outage.md", "pm/notes.txt",
                "pm/sub/2024-03-04-cache.md", "pm/x.md", "pmx/other.md", deep)) {
            b.add(entry(path, FileMode.REGULAR_FILE, 0));
        }
        b.add(entry("pm/exec.md", FileMode.EXECUTABLE_FILE, 0));
        b.add(entry("pm/link.md", FileMode.SYMLINK, 0));
        b.add(entry("pm/module.md", FileMode.GITLINK, 0));
        for (int stage = 1; stage <= 3; stage++) {
            b.add(entry("pm/conflict.md", FileMode.REGULAR_FILE, stage));
        }
        b.add(entry("pm/new.md", FileMode.REGULAR_FILE, 0));
        b.commit();
        Path index = git.getRepository().getIndexFile().toPath();
        if (extended) {
            Files.write(index, withExtendedFlags(Files.readAllBytes(index)));
        }
        return index;
    }

    /**
     * A version 2 index rewritten as version 3, every other entry carrying extended flags (intent-to-add,
     * skip-worktree: what {@code git add -N} and sparse checkouts write), which JGit cannot set itself.
     */
    private static byte[] withExtendedFlags(byte[] v2) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(v2, 0, 12);
        int count = ((v2[8] & 0xFF) << 24) | ((v2[9] & 0xFF) << 16) | ((v2[10] & 0xFF) << 8) | (v2[11] & 0xFF);
        int pos = 12;
        for (int k = 0; k < count; k++) {
            int flags = ((v2[pos + 60] & 0xFF) << 8) | (v2[pos + 61] & 0xFF);
            int nameEnd = pos + 62;
            while (v2[nameEnd] != 0) {
                nameEnd++;
            }
            int next = pos + ((nameEnd - pos + 8) & ~7);
            boolean extend = k % 2 == 0;
            int start = out.size();
            out.write(v2, pos, 60);
            int f = extend ? flags | 0x4000 : flags;
            out.write(f >> 8);
            out.write(f & 0xFF);
            if (extend) {
                int ext = k % 4 == 0 ? 0x2000 : 0x4000; // intent-to-add, skip-worktree
                out.write(ext >> 8);
                out.write(ext & 0xFF);
            }
            out.write(v2, pos + 62, nameEnd - pos - 62);
            int length = out.size() - start;
            out.write(new byte[((length + 8) & ~7) - length]);
            pos = next;
        }
        out.write(v2, pos, v2.length - 20 - pos); // extensions
        byte[] body = out.toByteArray();
        body[7] = 3;
        byte[] sum = java.security.MessageDigest.getInstance("SHA-1").digest(body);
        byte[] all = Arrays.copyOf(body, body.length + 20);
        System.arraycopy(sum, 0, all, body.length, 20);
        return all;
    }

    private static DirCacheEntry entry(String path, FileMode mode, int stage) {
        DirCacheEntry e = new DirCacheEntry(path, stage);
        e.setFileMode(mode);
        e.setObjectId(BLOB);
        return e;
    }

    /** What TrackedFiles listed from JGit's DirCache before IndexFile: the reference. */
    private static List<TrackedFiles.Entry> byJGit(Path index, String folder, String suffix) throws Exception {
        DirCache dc = DirCache.read(index.toFile(), FS.DETECTED);
        List<TrackedFiles.Entry> out = new ArrayList<>();
        String last = null;
        for (int i = 0; i < dc.getEntryCount(); i++) {
            DirCacheEntry e = dc.getEntry(i);
            String path = e.getPathString();
            if (!path.startsWith(folder) || !path.endsWith(suffix) || path.equals(last)) {
                continue;
            }
            FileMode mode = e.getFileMode();
            if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.SYMLINK) {
                out.add(new TrackedFiles.Entry(path, e.getObjectId(), mode == FileMode.SYMLINK));
                last = path;
            }
        }
        return out;
    }

    private void assertSameAsJGit(Path index, int expectedVersion) throws Exception {
        byte[] bytes = Files.readAllBytes(index);
        assertThat(bytes[7]).as("index version").isEqualTo((byte) expectedVersion);
        for (String[] query : new String[][] {{"", ".md"}, {"pm/", ".md"}, {"pm/sub/", ".md"}, {"", ""}, {"nope/", ""}}) {
            List<TrackedFiles.Entry> expected = byJGit(index, query[0], query[1]);
            assertThat(IndexFile.read(index, query[0], query[1])).as("%s*%s", query[0], query[1])
                    .isEqualTo(expected);
        }
        List<TrackedFiles.Entry> all = IndexFile.read(index, "pm/", ".md");
        assertThat(all).extracting(TrackedFiles.Entry::path).contains("pm/café-outage.md", "pm/exec.md",
                "pm/link.md", "pm/conflict.md").doesNotContain("pm/module.md");
        assertThat(all).filteredOn(e -> e.path().equals("pm/conflict.md")).hasSize(1);
        assertThat(all).filteredOn(TrackedFiles.Entry::symlink).extracting(TrackedFiles.Entry::path)
                .containsExactly("pm/link.md");
        assertThat(all).filteredOn(e -> e.path().length() > 0xFFF).hasSize(1);
    }

    @Test
    void version2ListsWhatJGitLists() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            assertSameAsJGit(writeIndex(git, 2, false), 2);
        }
    }

    @Test
    void version3WithExtendedFlagsListsWhatJGitLists() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            assertSameAsJGit(writeIndex(git, 2, true), 3);
        }
    }

    @Test
    void version4WithCompressedPathsListsWhatJGitLists() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            assertSameAsJGit(writeIndex(git, 4, false), 4);
        }
    }

    @Test
    void aMissingIndexListsNothing() {
        assertThat(IndexFile.read(repo.resolve("index"), "", ".md")).isEmpty();
    }

    @Test
    void whatItCannotReadIsLeftToJGit() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            Path index = writeIndex(git, 2, false);
            byte[] b = Files.readAllBytes(index);
            Path other = repo.resolve("other-index");
            // a split index: the required extension "link" before the checksum
            byte[] link = new byte[b.length + 8 + 20];
            System.arraycopy(b, 0, link, 0, b.length - 20);
            System.arraycopy(new byte[] {'l', 'i', 'n', 'k', 0, 0, 0, 20}, 0, link, b.length - 20, 8);
            Files.write(other, link);
            assertThat(IndexFile.read(other, "", ".md")).isNull();
            // cut short, another signature, a version from the future
            Files.write(other, Arrays.copyOf(b, b.length / 2));
            assertThat(IndexFile.read(other, "", ".md")).isNull();
            byte[] signature = b.clone();
            signature[0] = 'X';
            Files.write(other, signature);
            assertThat(IndexFile.read(other, "", ".md")).isNull();
            byte[] version = b.clone();
            version[7] = 5;
            Files.write(other, version);
            assertThat(IndexFile.read(other, "", ".md")).isNull();
        }
    }

    @Test
    void aPlainRepositoryIsFoundFromAnyFolderInside() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            Path inside = Files.createDirectories(repo.resolve("pm/sub"));
            assertThat(IndexFile.find(inside, List.of())).isEqualTo(new IndexFile.Found(repo.resolve(".git"), repo));
        }
    }

    @Test
    void noRepositoryAnywhereUpIsNone(@TempDir Path plain) throws Exception {
        assertThat(IndexFile.find(Files.createDirectories(plain.resolve("a/b")), List.of()))
                .isInstanceOf(IndexFile.NoRepository.class);
    }

    @Test
    void aWorkTreeSetInAConfigOrAGitFileIsLeftToJGit(@TempDir Path home) throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            Path user = home.resolve(".gitconfig");
            Files.writeString(user, "[include]\n\tpath = more.gitconfig\n");
            assertThat(IndexFile.find(repo, List.of(user))).isInstanceOf(IndexFile.AskJGit.class);
            Files.writeString(user, "[user]\n\tname = x\n");
            assertThat(IndexFile.find(repo, List.of(user))).isInstanceOf(IndexFile.Found.class);

            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "worktree", repo.resolve("elsewhere").toString());
            config.save();
            assertThat(IndexFile.find(repo, List.of())).isInstanceOf(IndexFile.AskJGit.class);
            config.unset("core", null, "worktree");
            config.setBoolean("core", null, "bare", true);
            config.save();
            assertThat(IndexFile.find(repo, List.of())).isInstanceOf(IndexFile.AskJGit.class);
        }
        Path linked = Files.createDirectories(repo.resolveSibling(repo.getFileName() + "-linked"));
        Files.writeString(linked.resolve(".git"), "gitdir: " + repo.resolve(".git") + File.separator + "\n");
        assertThat(IndexFile.find(linked, List.of())).isInstanceOf(IndexFile.AskJGit.class);
    }

    @Test
    void aConfigIsPlainOnlyWithoutWorkTreeBareIncludeOrObjectFormat() throws Exception {
        Path config = repo.resolve("config");
        for (String plain : List.of("[core]\n\tbare = false\n\tfilemode = true\n", "[core]\n  BARE=\"false\"\n",
                "# a comment about bare repositories\n[user]\n\tname = x\n", "")) {
            Files.writeString(config, plain);
            assertThat(IndexFile.plainConfig(config)).as(plain).isTrue();
        }
        for (String odd : List.of("[core]\n\tbare = true\n", "[core]\n\tbare\n", "[core]\n\tbare = yes\n",
                "[core]\n\tworktree = ../elsewhere\n", "[includeIf \"gitdir:~/work/\"]\n\tpath = w\n",
                "[extensions]\n\tobjectFormat = sha256\n", "[extensions]\n\tworktreeConfig = true\n")) {
            Files.writeString(config, odd);
            assertThat(IndexFile.plainConfig(config)).as(odd).isFalse();
        }
        assertThat(IndexFile.plainConfig(repo.resolve("no-such-config"))).isTrue();
    }

    @Test
    void theInsideOfARepositoryFolderIsLeftToJGit() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            assertThat(IndexFile.find(repo.resolve(".git"), List.of())).isInstanceOf(IndexFile.AskJGit.class);
        }
    }
}
