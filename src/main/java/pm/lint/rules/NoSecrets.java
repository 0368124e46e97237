package pm.lint.rules;

import java.util.List;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.Postmortem;
import pm.secrets.SecretScanner;

/**
 * Postmortems paste logs and configs, and with them credentials. Any secret in the file, code blocks and front
 * matter included, is an error; the message shows only its first four characters and says to rotate it: deleting
 * the line does not remove it from git's history.
 */
public final class NoSecrets implements Rule {
    public static final RuleMeta META = new RuleMeta("no-secrets",
            "No credentials in the file: provider tokens, private keys, JWTs, passwords in URLs or in config.",
            Severity.ERROR, List.of("security"),
            "export GITHUB_TOKEN=ghp_… (a real token pasted with the logs)",
            "export GITHUB_TOKEN=<redacted> (and the token revoked and rotated)",
            "A postmortem is shared widely and kept in git forever: a pasted credential is leaked to "
                    + "every reader and stays in the history.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        String text = pm.source().text();
        for (SecretScanner.Secret s : SecretScanner.scan(text)) {
            ctx.report(pm.source().span(s.start(), s.end()), SecretScanner.withArticle(s.kind()) + " (" + s.masked()
                    + ") is in the file: revoke and rotate it now, then remove it; deleting the line is not enough, "
                    + "git keeps it in history", "Replace the value with <redacted> and keep a note of where it was "
                    + "rotated.");
        }
    }
}
