package io.unlearn.schemas;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link TopicProvisioner#provision} found and did.
 *
 * @param created   topics it created
 * @param unchanged topics that existed and match the catalogue
 * @param drift     every difference between an existing topic and the catalogue (never altered
 *                  automatically: shrinking retention or changing partitions can lose or move data)
 */
public record ProvisioningReport(List<String> created, List<String> unchanged, List<TopicDrift> drift) {

    public ProvisioningReport {
        created = List.copyOf(created);
        unchanged = List.copyOf(unchanged);
        drift = List.copyOf(drift);
    }

    public boolean hasDrift() {
        return !drift.isEmpty();
    }

    /**
     * @throws ContractException listing every drift, one per line, when there is any
     */
    public ProvisioningReport requireNoDrift() {
        if (hasDrift()) {
            throw new ContractException("Existing topics differ from the topic catalogue (io.unlearn.schemas.Topics);"
                    + " nothing was changed:\n  " + drift.stream().map(TopicDrift::describe)
                    .collect(Collectors.joining("\n  ")));
        }
        return this;
    }

    /** A few lines for a console: counts, then each drift. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("topics: ").append(created.size()).append(" created, ")
                .append(unchanged.size()).append(" unchanged, ")
                .append(drift.size()).append(" drift");
        drift.forEach(d -> text.append("\n  drift: ").append(d.describe()));
        return text.toString();
    }
}
