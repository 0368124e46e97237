/**
 * The built-in rules, one class per rule, each holding its {@link pm.lint.RuleMeta} and reading only the model;
 * {@link pm.lint.rules.Rules} is the one list of them.
 */
package pm.lint.rules;
