/**
 * What git knows, read without running git: the files in the index, in a revision's tree, untracked, and staged
 * for the next commit, with their content; the hooks folder.
 *
 * <p>Fast path: {@link pm.git.IndexFile} lists the index of a plain repository without JGit. It mirrors JGit's
 * {@code DirCache} listing: {@link pm.git.TrackedFiles} is the facade, IndexFile is package-private and answers
 * {@code null} (declines) for anything it does not fully understand, which then goes to JGit, and
 * {@code IndexFileTest} compares the two listings on indexes of every version.
 *
 * <p>Fast path: {@link pm.git.FileHistory} lists what each commit changed under a folder by comparing the raw tree
 * objects only where two versions differ. It mirrors JGit's tree diff of a commit against its first parent, which
 * {@code FileHistoryTest} runs beside it on random histories.
 */
package pm.git;
