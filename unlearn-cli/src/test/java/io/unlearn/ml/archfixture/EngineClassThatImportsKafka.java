package io.unlearn.ml.archfixture;

import org.apache.kafka.common.serialization.StringSerializer;

/** A deliberate break of the layering, used only to prove the architecture rule can fail. */
public final class EngineClassThatImportsKafka {
    public Object serializer() {
        return new StringSerializer();
    }
}
