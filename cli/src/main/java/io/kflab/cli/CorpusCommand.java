package io.kflab.cli;

import io.kflab.bpf.diag.Progress;
import io.kflab.catalog.corpus.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab corpus}: kernel source trees from Debian's linux-source packages, cached. */
@Command(name = "corpus", description = "Kernel source trees (Debian linux-source packages) in the kflab cache.",
        subcommands = {CorpusCommand.Fetch.class})
final class CorpusCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A fetched tree. */
    record Fetched(String name, String path, long files, long bytes) {}

    @Command(name = "fetch", description = "apt-get download linux-source-X.Y into the cache (${KFLAB_CACHE:-~/.cache/kflab}) and extract what kflab reads; resumable, with a progress bar.")
    static final class Fetch implements Runnable {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "linux-6.1, linux-6.12")
        List<String> names;

        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            List<Fetched> out = new ArrayList<>();
            for (String name : names) {
                Path tree = Corpus.fetch(name, Progress::start);
                long[] size = sizeOf(tree);
                out.add(new Fetched(name, tree.toString(), size[0], size[1]));
            }
            var w = spec.commandLine().getOut();
            if (json.json()) JsonMixin.print(w, out);
            else for (Fetched f : out) w.printf("%s: %s (%,d files, %,d bytes)%n", f.name(), f.path(), f.files(), f.bytes());
        }

        private static long[] sizeOf(Path tree) {
            long[] n = new long[2];
            try (Stream<Path> s = Files.walk(tree)) {
                s.filter(Files::isRegularFile).forEach(p -> {
                    n[0]++;
                    try {
                        n[1] += Files.size(p);
                    } catch (IOException e) {
                        // a file that vanished is not counted
                    }
                });
            } catch (IOException e) {
                return n;
            }
            return n;
        }
    }
}
