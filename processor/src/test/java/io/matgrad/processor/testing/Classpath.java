package io.matgrad.processor.testing;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The test's own classpath, for compilations whose sources use EJML and matgrad's runtime and annotations. */
public final class Classpath {
    private Classpath() {}

    public static List<File> current() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new)
                .collect(Collectors.toList());
    }
}
