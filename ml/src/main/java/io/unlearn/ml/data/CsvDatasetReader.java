package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads tabular data from two CSV files (train and test) with a header row: one label column, optional
 * id and subject columns, and every other column a numeric feature. Labels may be any strings;
 * classes are numbered in order of first appearance in the training file. A sample's features have
 * shape {@code (d)}. Simple CSV only: no quoted fields.
 *
 * <pre>{@code
 * UnlearnDataset data = CsvDatasetReader.builder().setName("loans")
 *     .setTrainFile(Path.of("train.csv")).setTestFile(Path.of("test.csv"))
 *     .setLabelColumn("label").optIdColumn("id").optSubjectColumn("customer").build().read();
 * }</pre>
 */
public final class CsvDatasetReader {

    private final Builder b;

    private CsvDatasetReader(Builder b) {
        this.b = b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the dataset read from both files */
    public UnlearnDataset read() {
        Map<String, Integer> classes = new LinkedHashMap<>();
        Table train = readTable(b.trainFile, Split.TRAIN, classes, true);
        Table test = readTable(b.testFile, Split.TEST, classes, false);
        if (train.width != test.width) {
            throw new UnlearnException(b.testFile + " has " + test.width + " feature columns but " + b.trainFile
                    + " has " + train.width + "; both files need the same columns");
        }
        List<String> names = new ArrayList<>(classes.keySet());
        return new UnlearnDataset(DataView.all(train.toSource(names)), DataView.all(test.toSource(names)));
    }

    private Table readTable(Path file, Split split, Map<String, Integer> classes, boolean mayAddClasses) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            throw new UnlearnException("CSV file " + file + " not found; pass an existing file", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnlearnException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() < 2) {
            throw new UnlearnException("CSV file " + file + " needs a header row and at least one data row");
        }
        Pattern sep = Pattern.compile(Pattern.quote(String.valueOf(b.delimiter)));
        List<String> header = Arrays.asList(sep.split(lines.get(0).trim(), -1));
        int labelCol = column(header, b.labelColumn, file);
        int idCol = column(header, b.idColumn, file);
        int subjectCol = column(header, b.subjectColumn, file);
        int n = lines.size() - 1;
        int width = header.size() - 1 - (idCol >= 0 ? 1 : 0) - (subjectCol >= 0 ? 1 : 0);
        Table t = new Table(split, n, width);
        for (int r = 0; r < n; r++) {
            String[] cells = sep.split(lines.get(r + 1).trim(), -1);
            if (cells.length != header.size()) {
                throw new UnlearnException(file + " line " + (r + 2) + " has " + cells.length + " fields, the header "
                        + header.size() + "; fix the row");
            }
            String label = cells[labelCol].trim();
            Integer cls = classes.get(label);
            if (cls == null && !mayAddClasses) {
                throw new UnlearnException(file + " line " + (r + 2) + ": label '" + label + "' never appears in "
                        + b.trainFile + "; every test class must occur in training");
            }
            t.labels[r] = cls != null ? cls : addClass(classes, label);
            t.ids[r] = idCol >= 0 ? cells[idCol].trim() : SubjectAssignment.sampleId(b.name, split, r);
            t.subjects[r] = subjectCol >= 0 ? cells[subjectCol].trim()
                    : b.subjects.subjectOf(b.name, split, r);
            int f = 0;
            for (int c = 0; c < cells.length; c++) {
                if (c != labelCol && c != idCol && c != subjectCol) {
                    t.features[r * width + f++] = parse(cells[c], file, r + 2, header.get(c));
                }
            }
        }
        return t;
    }

    private static int addClass(Map<String, Integer> classes, String label) {
        classes.put(label, classes.size());
        return classes.size() - 1;
    }

    private static float parse(String cell, Path file, int line, String column) {
        try {
            float v = Float.parseFloat(cell.trim());
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw new UnlearnException(file + " line " + line + " column '" + column + "': '" + cell
                + "' is not a finite number; feature columns must be numeric (mark id/subject columns as such)");
    }

    private static int column(List<String> header, String name, Path file) {
        if (name == null) {
            return -1; // an optional column that was not asked for
        }
        int i = header.stream().map(String::trim).toList().indexOf(name);
        if (i < 0) {
            throw new UnlearnException(file + " has no column '" + name + "' (header: " + header
                    + "); fix the column name");
        }
        return i;
    }

    /** Parsed rows of one file. */
    private final class Table {
        final Split split;
        final int width;
        final String[] ids;
        final String[] subjects;
        final int[] labels;
        final float[] features;

        Table(Split split, int n, int width) {
            this.split = split;
            this.width = width;
            this.ids = new String[n];
            this.subjects = new String[n];
            this.labels = new int[n];
            this.features = new float[n * width];
        }

        SampleSource toSource(List<String> classNames) {
            return new InMemorySamples(b.name, split, new Shape(width), classNames, ids, subjects, labels, features);
        }
    }

    /** Builder: {@code set*} required, {@code opt*} optional, checked in {@link #build()}. */
    public static final class Builder {
        private String name;
        private Path trainFile;
        private Path testFile;
        private String labelColumn;
        private String idColumn;
        private String subjectColumn;
        private char delimiter = ',';
        private SubjectAssignment subjects = SubjectAssignment.ofDefaults();

        /** @param name dataset name used in ids @return this */
        public Builder setName(String name) { this.name = name; return this; }
        /** @param file training CSV @return this */
        public Builder setTrainFile(Path file) { this.trainFile = file; return this; }
        /** @param file test CSV @return this */
        public Builder setTestFile(Path file) { this.testFile = file; return this; }
        /** @param column name of the label column @return this */
        public Builder setLabelColumn(String column) { this.labelColumn = column; return this; }
        /** @param column name of the id column (default: generated ids) @return this */
        public Builder optIdColumn(String column) { this.idColumn = column; return this; }
        /** @param column name of the subject column (default: synthetic blocks) @return this */
        public Builder optSubjectColumn(String column) { this.subjectColumn = column; return this; }
        /** @param delimiter field separator (default ',') @return this */
        public Builder optDelimiter(char delimiter) { this.delimiter = delimiter; return this; }
        /** @param subjects assignment used without a subject column @return this */
        public Builder optSubjectAssignment(SubjectAssignment subjects) { this.subjects = subjects; return this; }

        /** @return the reader @throws UnlearnException listing every missing setting */
        public CsvDatasetReader build() {
            List<String> missing = new ArrayList<>();
            if (name == null || name.isBlank()) { missing.add("setName(..)"); }
            if (trainFile == null) { missing.add("setTrainFile(..)"); }
            if (testFile == null) { missing.add("setTestFile(..)"); }
            if (labelColumn == null) { missing.add("setLabelColumn(..)"); }
            if (!missing.isEmpty()) {
                throw new UnlearnException("CsvDatasetReader needs " + String.join(", ", missing));
            }
            return new CsvDatasetReader(this);
        }
    }
}
