package pm.model;

import java.time.LocalDate;

/**
 * An exemption of one front-matter action item from the follow-up policies ({@code policies:} in {@code .pm.yml}),
 * kept in git beside the item with who granted it and why. incident.io calls this dismissing a follow-up. A waived
 * item is still late once its own due date has passed; only the policy's deadlines stop applying to it.
 *
 * <pre>
 *   waiver:
 *     reason: Needs the payments client 4.2 release; the runbook covers the gap
 *     by: "@lee"
 *     date: 2025-03-20
 * </pre>
 *
 * @param reason why the item may take longer than its policy allows
 * @param by     who granted the waiver
 * @param date   when it was granted
 * @param span   where the {@code waiver} value starts
 */
public record Waiver(String reason, String by, LocalDate date, Span span) {
}
