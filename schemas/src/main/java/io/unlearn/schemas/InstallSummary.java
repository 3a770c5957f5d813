package io.unlearn.schemas;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link EventContract#install} did.
 *
 * @param topics        the topic provisioning report (created, unchanged, drift)
 * @param compatibility the registry-wide compatibility level now in force
 * @param schemaIds     the schema id registered under each value subject
 */
public record InstallSummary(ProvisioningReport topics, CompatibilityLevel compatibility,
                             Map<String, Integer> schemaIds) {

    public InstallSummary {
        schemaIds = Map.copyOf(schemaIds);
    }

    /** A few lines for a console. */
    public String describe() {
        StringBuilder text = new StringBuilder(topics.describe())
                .append("\nschema registry: compatibility ").append(compatibility).append(", ")
                .append(schemaIds.size()).append(" subjects registered");
        new TreeMap<>(schemaIds).forEach((subject, id) -> text.append("\n  ").append(subject).append(" -> id ").append(id));
        return text.toString();
    }
}
