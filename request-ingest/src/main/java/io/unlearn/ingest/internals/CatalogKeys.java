package io.unlearn.ingest.internals;

/**
 * Key layout of the {@link StoreNames#CATALOG} store, one store for three lookups so that one global
 * processor keeps them consistent: {@code s␀sampleId → label␉subject}, {@code j␀subject␀sampleId → ""}
 * (prefix-scanned to resolve a subject), {@code l␀label → ""}.
 */
final class CatalogKeys {
    static final char SEP = '\u0000';

    private CatalogKeys() {
    }

    static String sample(String sampleId) {
        return "s" + SEP + sampleId;
    }

    static String subjectPrefix(String subjectId) {
        return "j" + SEP + subjectId + SEP;
    }

    static String subjectSample(String subjectId, String sampleId) {
        return subjectPrefix(subjectId) + sampleId;
    }

    static String label(String label) {
        return "l" + SEP + label;
    }
}
