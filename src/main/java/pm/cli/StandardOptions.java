package pm.cli;

import picocli.CommandLine.Command;

/** What every command has: {@code --help} and {@code --version}, with pm's version. Mixed into each command. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
public final class StandardOptions {
}
