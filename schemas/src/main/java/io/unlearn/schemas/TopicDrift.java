package io.unlearn.schemas;

/**
 * One way an existing topic differs from the catalogue.
 *
 * @param topic    the topic's name
 * @param setting  "partitions" or a topic config key such as {@code retention.ms}
 * @param expected what the catalogue says
 * @param actual   what the broker has
 * @param fix      how to bring the topic in line, as a command or a decision
 */
public record TopicDrift(String topic, String setting, String expected, String actual, String fix) {

    /** One line: topic, setting, expected and actual value, and the fix. */
    public String describe() {
        return topic + ": " + setting + " is " + actual + ", expected " + expected + ". Fix: " + fix;
    }
}
