package io.kflab.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeScannerTest {
    @TempDir
    Path tree;

    private void put(String path, String text) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void walksTheTreeSkipsToolsAndExpandsMacroLists() throws IOException {
        put("net/widget/widget.c", Fixtures.text("sets.c"));
        put("include/linux/btf.h", Fixtures.text("btf_like.h"));
        put("kernel/bpf/btf.c", Fixtures.text("hooks.c"));
        put("net/core/gadget.c", Fixtures.text("xmacro.c"));
        put("tools/testing/selftests/bpf/bpf_testmod/testmod.c", Fixtures.text("sets.c"));
        put("net/widget/plain.c", "int main(void) { return 0; }\n");

        ScanResult r = TreeScanner.scan(tree, ProgressOpener.QUIET);

        assertThat(r.sets()).extracting(s -> s.at().file()).containsOnly("net/widget/widget.c", "net/core/gadget.c");
        assertThat(r.flagBits()).hasSize(4);
        assertThat(r.hooks()).hasSize(4);
        KfuncSet gadgets = r.sets().stream().filter(s -> s.name().equals("gadget_ids")).findFirst().orElseThrow();
        assertThat(gadgets.entries()).extracting(SetEntry::name, SetEntry::flags, SetEntry::expandedFrom)
                .containsExactly(tuple("gadget_rx_a", java.util.List.of("KF_TRUSTED_ARGS"), "GADGET_LIST"),
                        tuple("gadget_rx_b", java.util.List.of("KF_TRUSTED_ARGS"), "GADGET_LIST"));
        assertThat(r.warnings()).noneMatch(w -> w.message().contains("GADGET_LIST"));
        assertThat(r.warnings()).extracting(w -> w.at().file()).containsOnly("net/widget/widget.c");
    }

    @Test
    void notADirectoryIsBadInput() {
        assertThatThrownBy(() -> TreeScanner.scan(tree.resolve("missing"), ProgressOpener.QUIET))
                .isInstanceOf(BadInputException.class);
    }
}
