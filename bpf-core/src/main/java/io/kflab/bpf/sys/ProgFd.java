package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A loaded BPF program (kernel: struct bpf_prog behind an fd, from BPF_PROG_LOAD). */
public final class ProgFd extends BpfFd {
    private static final int MAP_IDS_FIRST = 64;

    ProgFd(int fd) {
        super(fd);
    }

    /** Starts a BPF_PROG_TEST_RUN of this program. */
    public ProgTestRun testRun() {
        return new ProgTestRun(this);
    }

    /** BPF_OBJ_GET_INFO_BY_FD: the kernel's struct bpf_prog_info, with the ids of the maps used. */
    public ProgInfo info() {
        int room = MAP_IDS_FIRST;
        while (true) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment info = arena.allocate(BpfInfoLayout.PROG_INFO);
                MemorySegment ids = arena.allocate(ValueLayout.JAVA_INT, room);
                info.set(ValueLayout.JAVA_INT, ProgInfo.off("nr_map_ids"), room);
                info.set(ValueLayout.JAVA_LONG, ProgInfo.off("map_ids"), ids.address());
                Bpf.objGetInfo(arena, fd(), BpfInfoLayout.PROG_INFO, info);
                int n = info.get(ValueLayout.JAVA_INT, ProgInfo.off("nr_map_ids"));
                if (n > room) {
                    room = n;
                    continue;
                }
                return ProgInfo.read(info, ids.asSlice(0, 4L * n).toArray(ValueLayout.JAVA_INT));
            }
        }
    }
}
