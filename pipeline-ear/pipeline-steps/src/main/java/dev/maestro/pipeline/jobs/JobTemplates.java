package dev.maestro.pipeline.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds job templates by name: first in the {@code templates} directory beside the
 * configuration file (so operators can add or override jobs), then among the ones shipped in
 * this package. Templates are read when a job is generated, so an edited template applies to
 * the next job without a reload.
 */
public final class JobTemplates {
    /** The helpers every generated script starts with (curl calls to the API and to storage). */
    public static final String PRELUDE = "prelude.sh";
    /** The example jobs shipped with the pipeline. */
    public static final Set<String> BUILT_IN = Set.of("kver.sh", "kbuild-tiny.sh", "tiny-tests.sh", "lava-qemu-boot.yaml");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Optional<Path> directory;

    private JobTemplates(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Templates from {@code <directory of configFile>/templates}, then the built-in ones. */
    public static JobTemplates besideConfig(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return new JobTemplates(Optional.of(parent.resolve("templates")));
    }

    /** Only the built-in templates. */
    public static JobTemplates builtIn() {
        return new JobTemplates(Optional.empty());
    }

    public Optional<Path> directory() {
        return directory;
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public boolean exists(String name) {
        return isValidName(name) && (local(name).isPresent() || JobTemplates.class.getResource(name) != null);
    }

    /** The template's text. */
    public String read(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a template name");
        }
        try {
            Optional<Path> file = local(name);
            if (file.isPresent()) {
                return Files.readString(file.get(), StandardCharsets.UTF_8);
            }
            try (InputStream in = JobTemplates.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("No template named '" + name + "' in "
                            + directory.map(Path::toString).orElse("(no template directory)") + " or among the built-in ones");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template '" + name + "'", e);
        }
    }

    private Optional<Path> local(String name) {
        return directory.map(d -> d.resolve(name)).filter(Files::isRegularFile);
    }
}
