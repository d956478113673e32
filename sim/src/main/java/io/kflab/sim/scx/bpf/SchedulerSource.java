package io.kflab.sim.scx.bpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a BPF scheduler's files come from: a directory a user gives, or the examples shipped in the jar. */
public sealed interface SchedulerSource {
    /** The text of {@code file}, or null when there is none. */
    String read(String file);

    /** How errors name {@code file}. */
    String location(String file);

    /** A directory with scheduler.yaml and one {@code <op>.s} per implemented op. */
    record Dir(Path dir) implements SchedulerSource {
        @Override
        public String read(String file) {
            Path p = dir.resolve(file);
            try {
                return Files.isRegularFile(p) ? Files.readString(p) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String location(String file) {
            return dir.resolve(file).toString();
        }
    }

    /** A scheduler shipped in the jar under {@code io/kflab/sim/schedulers/<name>/}. */
    record Shipped(String name) implements SchedulerSource {
        @Override
        public String read(String file) {
            String path = java.nio.file.Path.of(name, file).normalize().toString().replace('\\', '/');
            if (path.startsWith("..")) return null;
            try (InputStream in = SchedulerSource.class.getResourceAsStream("/io/kflab/sim/schedulers/" + path)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String location(String file) {
            return "schedulers/" + name + "/" + file;
        }
    }
}
