package io.unlearn.bench;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** Converts an option value to a path, or {@code none} to null (no file: skip that output or cache). */
public final class PathOrNone implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        return value.equals("none") ? null : Path.of(value);
    }
}
