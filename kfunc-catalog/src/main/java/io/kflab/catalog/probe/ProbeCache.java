package io.kflab.catalog.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Probe results on disk, one JSON file per kernel build (kernel: the GNU build id), under
 * {@code $KFLAB_CACHE/probe/} or, without KFLAB_CACHE, {@code ~/.cache/kflab/probe/}.
 */
public final class ProbeCache {
    /** Environment variable overriding the cache root (default {@code ~/.cache/kflab}). */
    public static final String ENV = "KFLAB_CACHE";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** A cache in {@code dir} (the directory holding {@code <build-id>.json}). */
    public ProbeCache(Path dir) {
        this.dir = dir;
    }

    /** The default cache: {@code $KFLAB_CACHE/probe}, else {@code ${user.home}/.cache/kflab/probe}. */
    public static ProbeCache defaultCache() {
        String env = System.getenv(ENV);
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "kflab");
        return new ProbeCache(root.resolve("probe"));
    }

    /** The directory holding the result files. */
    public Path dir() {
        return dir;
    }

    /** The file for {@code buildId}. */
    public Path file(String buildId) {
        if (!buildId.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("bad build id " + buildId);
        return dir.resolve(buildId + ".json");
    }

    /** The cached result for {@code buildId}, if there is one of the current {@link ProbeResult#FORMAT_VERSION}. */
    public Optional<ProbeResult> load(String buildId) {
        Path f = file(buildId);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            ProbeResult r = JSON.readValue(f.toFile(), ProbeResult.class);
            return r.formatVersion() == ProbeResult.FORMAT_VERSION && buildId.equals(r.buildId())
                    ? Optional.of(r) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable or stale: probe again
        }
    }

    /** Writes {@code result} under its build id (atomically, via a temporary file); returns the file. */
    public Path store(ProbeResult result) {
        Path f = file(result.buildId());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, result.buildId(), ".tmp");
            JSON.writeValue(tmp.toFile(), result);
            return Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write probe cache " + f, e);
        }
    }

    /** Serializes a result as JSON. */
    public static String toJson(ProbeResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a result from JSON. */
    public static ProbeResult fromJson(String json) {
        try {
            return JSON.readValue(json, ProbeResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
