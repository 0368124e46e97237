package pm.policy;

import java.time.LocalDate;

/**
 * What a policy asks of one action item.
 *
 * @param policy   the policy that covers the item (the first in {@code policies:} that does)
 * @param incident the incident date the days count from (the front matter's {@code date})
 * @param due      the latest due date the policy allows: the incident date plus {@link Policy#within}
 * @param startBy  the last day the item may still be {@code open}, or {@code null} when the policy sets no start
 *                 deadline
 */
public record Deadline(Policy policy, LocalDate incident, LocalDate due, LocalDate startBy) {
}
