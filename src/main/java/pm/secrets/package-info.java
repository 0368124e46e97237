/**
 * Credentials pasted into a postmortem: {@link pm.secrets.SecretScanner} finds provider tokens, private keys, JWTs,
 * passwords in URLs and high-entropy values given to password, secret and token keys, anywhere in a file (code blocks
 * and front matter included), and shows each only by its first four characters.
 */
package pm.secrets;
