package io.unlearn.schemas;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestsTest {

    @Test
    void forgetSetDigestIgnoresOrderAndDuplicates() {
        assertThat(Digests.forgetSetDigest(List.of("b", "a", "b")))
                .isEqualTo(Digests.forgetSetDigest(List.of("a", "b")))
                .isEqualTo(Digests.sha256Hex("a\nb\n"))
                .hasSize(64).matches("[0-9a-f]+");
        assertThat(Digests.forgetSetDigest(List.of("a"))).isNotEqualTo(Digests.forgetSetDigest(List.of("a", "b")));
    }

    @Test
    void lineageHashCoversParentArtifactAndRequests() {
        String base = Digests.lineageHash(null, "aa", List.of());
        assertThat(base).isEqualTo(Digests.sha256Hex("unlearn-lineage-v1\n\naa\n"));
        String child = Digests.lineageHash(base, "bb", List.of("r2", "r1"));
        assertThat(child).isEqualTo(Digests.lineageHash(base, "bb", List.of("r1", "r2")));
        assertThat(child).isNotEqualTo(Digests.lineageHash(base, "bc", List.of("r1", "r2")));
        assertThat(child).isNotEqualTo(Digests.lineageHash(base, "bb", List.of("r1")));
        assertThat(child).isNotEqualTo(Digests.lineageHash(Digests.sha256Hex("x"), "bb", List.of("r1", "r2")));
    }

    @Test
    void lineageHashNeedsTheArtifact() {
        assertThatThrownBy(() -> Digests.lineageHash(null, "", List.of())).isInstanceOf(ContractException.class);
    }
}
