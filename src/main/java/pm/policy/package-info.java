/**
 * Follow-up policies ({@code policies:} in {@code .pm.yml}): how soon an action item must be due, and how soon a
 * P0/P1 item must be started, counted from the incident date. One model and one evaluation
 * ({@link pm.policy.Policies#deadlineFor}), read by the {@code due-date-policy} lint rule and by {@code pm overdue}.
 */
package pm.policy;
