package io.unlearn.schemas;

/**
 * The unchecked root of every error this module raises on its own account: a broken event contract,
 * an unusable schema registry, topics that drift from the catalogue, an illegal lifecycle move.
 *
 * <p>Messages say what happened, what follows and how to fix it. Serdes are the one exception to the
 * family: a record whose bytes cannot be read is reported as Kafka's
 * {@link org.apache.kafka.common.errors.SerializationException}, so that Kafka Streams'
 * deserialization exception handlers and dead-letter routing see it as bad data.
 */
public class ContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
