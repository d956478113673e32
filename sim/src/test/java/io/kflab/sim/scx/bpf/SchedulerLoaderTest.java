package io.kflab.sim.scx.bpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.scx.Design;
import io.kflab.sim.scx.ScxOp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerLoaderTest {
    @TempDir Path dir;

    private void write(String file, String text) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void loadsADirectoryAndSharesProgramsByPath() throws Exception {
        write("mine/scheduler.yaml", "name: mine\nexpectedExit: NONE\nprograms:\n  enqueue: ../lib/enqueue.s\n");
        write("lib/enqueue.s", "r0 = 0\nexit\n");
        write("mine/dispatch.s", "r0 = 0\nexit\n");
        BpfScheduler s = SchedulerLoader.load(new SchedulerSource.Dir(dir.resolve("mine")), 1, Design.RUNTIME_MASK);
        assertThat(s.name()).isEqualTo("mine");
        assertThat(s.implemented()).containsExactlyInAnyOrder(ScxOp.ENQUEUE, ScxOp.DISPATCH);
        // shipped schedulers share the same way
        assertThat(new SchedulerSource.Shipped("vtime").read("../fifo/select_cpu.s")).contains("scx_bpf_select_cpu_dfl");
        assertThat(new SchedulerSource.Shipped("vtime").read("../../../../../etc/passwd")).isNull();
    }

    @Test
    void badFilesAreOneLineErrorsWithTheirLocation() throws Exception {
        write("a/scheduler.yaml", "name: a\nflavour: x\n");
        bad("a", "a/scheduler.yaml:2", "flavour");
        write("b/scheduler.yaml", "name: b\nprograms:\n  enque: e.s\n");
        bad("b", "b/scheduler.yaml", "expected an op name (select_cpu, enqueue, dispatch, ...) under 'programs', found 'enque'");
        write("c/scheduler.yaml", "name: c\nprograms:\n  enqueue: missing.s\n");
        bad("c", "c/scheduler.yaml", "expected the program file 'missing.s' for ops.enqueue");
        write("d/scheduler.yaml", "name: d\n");
        bad("d", "d", "expected at least one op program");
        write("e/scheduler.yaml", "description: no name\n");
        bad("e", "e/scheduler.yaml", "expected a non-empty 'name'");
        write("f/scheduler.yaml", "name: f\n");
        write("f/enqueue.s", "r0 = \nexit\n");
        bad("f", "f/enqueue.s:1", "");
        bad("none", "none/scheduler.yaml", "expected a scheduler.yaml");
    }

    private void bad(String sub, String where, String what) {
        assertThatThrownBy(() -> SchedulerLoader.load(new SchedulerSource.Dir(dir.resolve(sub)), 1, Design.RUNTIME_MASK))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.location()).contains(where);
                    assertThat(b.getMessage()).contains(what);
                });
    }
}
