package io.kflab.verifier.scalar;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        String file = System.getProperty("probe");
        if (file == null) return;
        for (String prog : Files.readString(Path.of(file)).split("\n---\n")) {
            byte[] bytes = Assembler.builtin().program(prog, "probe").encode();
            try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, bytes).logLevel(2).load()) {
                System.out.println("=== accepted=" + r.accepted());
                for (String l : r.log().split("\n")) if (l.matches("^(\\d+: \\(|from ).*")) System.out.println(l);
            }
        }
    }
}
