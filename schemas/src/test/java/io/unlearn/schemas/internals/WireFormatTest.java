package io.unlearn.schemas.internals;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatTest {

    @Test
    void headerIsMagicThenBigEndianId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.readSchemaId("t", new byte[] {0, 1, 2, 3, 4, 9})).isEqualTo(0x01020304);
        assertThat(WireFormat.readSchemaId("t", WireFormat.header(Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
        assertThat(WireFormat.readSchemaId("t", WireFormat.header(-2))).isEqualTo(-2);
    }

    @Test
    void shortPayloadsAreRefusedWithTheirLength() {
        assertThatThrownBy(() -> WireFormat.readSchemaId("unlearn.requests.deletion", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'unlearn.requests.deletion'")
                .hasMessageContaining("0 byte(s) long").hasMessageContaining("dead-letter");
    }

    @Test
    void wrongMagicByteIsRefusedWithAPreview() {
        assertThatThrownBy(() -> WireFormat.readSchemaId("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01").hasMessageContaining("[01 00 00 00 01 02]");
    }

    @Test
    void previewShowsHexAndPrintableText() {
        assertThat(WireFormat.preview("hello".getBytes())).isEqualTo("[68 65 6C 6C 6F] ('hello')");
        assertThat(WireFormat.preview(new byte[20])).endsWith(" ...]");
    }
}
