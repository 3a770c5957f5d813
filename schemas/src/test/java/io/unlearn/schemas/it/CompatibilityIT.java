package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.CompatibilityLevel;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryException;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real registry (Apicurio's Confluent-compatible API) enforces BACKWARD and answers with mapped errors. */
@ExtendWith(LocalStackExtension.class)
@Timeout(60)
class CompatibilityIT {

    private static final Schema V1 = RequestStatus.getClassSchema();
    private static final Schema V2_COMPATIBLE = new Schema.Parser().parse(V1.toString().replace("\"fields\":[",
            "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":0,\"doc\":\"Added with a default.\"},"));
    private static final Schema V3_BREAKING = new Schema.Parser().parse(V1.toString().replace("\"fields\":[",
            "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\",\"doc\":\"Added without a default.\"},"));

    @Test
    void anIncompatibleChangeIsRefusedWithAClearError(LocalStack stack) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        registry.setCompatibility(CompatibilityLevel.BACKWARD);
        assertThat(registry.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        String subject = Clients.unique("compat") + "-value";

        int v1 = registry.register(subject, V1);
        assertThat(registry.register(subject, V1)).as("re-registering is idempotent").isEqualTo(v1);
        assertThat(registry.isCompatible(subject, V2_COMPATIBLE)).isTrue();
        int v2 = registry.register(subject, V2_COMPATIBLE);
        assertThat(v2).isNotEqualTo(v1);

        assertThat(registry.isCompatible(subject, V3_BREAKING)).isFalse();
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.register(subject, V3_BREAKING));
        assertThat(refused.isIncompatible()).isTrue();
        assertThat(refused.httpStatus()).isEqualTo(409);
        assertThat(refused).hasMessageContaining("subject '" + subject + "'")
                .hasMessageContaining("incompatible").hasMessageContaining("give every new field a default");

        SchemaRegistryClient fresh = SchemaRegistryClient.create(stack.registryUrl());
        assertThat(fresh.schemaById(v1)).isEqualTo(V1);
        assertThat(fresh.schemaById(v2)).isEqualTo(V2_COMPATIBLE);
        assertThat(fresh.lookup(subject, V2_COMPATIBLE)).isEqualTo(v2);
    }

    @Test
    void registryErrorCodesAreMapped(LocalStack stack) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        SchemaRegistryException noSubject = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.lookup(Clients.unique("missing") + "-value", V1));
        assertThat(noSubject.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(noSubject).hasMessageContaining("subject not found (40401)");

        SchemaRegistryException noId = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.schemaById(987_654_321));
        assertThat(noId.isNotFound()).isTrue();
        assertThat(noId).hasMessageContaining("987654321");
    }
}
