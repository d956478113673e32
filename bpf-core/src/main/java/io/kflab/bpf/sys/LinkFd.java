package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/** A BPF link (kernel: struct bpf_link behind an fd, from BPF_LINK_CREATE); closing it detaches unless pinned. */
public final class LinkFd extends BpfFd {
    /** LINK_UPDATE flag (kernel: BPF_F_REPLACE): only if the old program is old_prog_fd. */
    public static final int BPF_F_REPLACE = 1 << 2;

    LinkFd(int fd) {
        super(fd);
    }

    /** BPF_LINK_UPDATE: puts {@code newProg} in place of the current program. */
    public void update(ProgFd newProg) {
        update(newProg, null);
    }

    /** BPF_LINK_UPDATE with BPF_F_REPLACE when {@code expectedOld} is given. */
    public void update(ProgFd newProg, ProgFd expectedOld) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.LINK_UPDATE);
            A.LINK_FD.set(attr, fd());
            A.NEW_PROG_FD.set(attr, newProg.fd());
            if (expectedOld != null) {
                A.FLAGS.set(attr, BPF_F_REPLACE);
                A.OLD_PROG_FD.set(attr, expectedOld.fd());
            }
            Bpf.call(arena, BpfCmd.BPF_LINK_UPDATE, attr, BpfAttr.LINK_UPDATE);
        }
    }

    /**
     * BPF_LINK_UPDATE of a struct_ops link: {@code newMapFd} in place of the current map; with
     * {@code flags} = {@link #BPF_F_REPLACE} only if the current map is {@code oldMapFd}.
     */
    public void updateMap(int newMapFd, int flags, int oldMapFd) {
        Bpf.linkUpdateMap(fd(), newMapFd, flags, oldMapFd);
    }

    /** BPF_LINK_DETACH: detaches now; the fd stays open (and must still be closed). */
    public void detach() {
        Bpf.linkDetach(fd());
    }

    /** BPF_OBJ_GET_INFO_BY_FD: the kernel's struct bpf_link_info. */
    public LinkInfo info() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(BpfInfoLayout.LINK_INFO);
            return LinkInfo.read(Bpf.objGetInfo(arena, fd(), BpfInfoLayout.LINK_INFO, info));
        }
    }

    private static final class A {
        static final VarHandle LINK_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "link_fd");
        static final VarHandle NEW_PROG_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "new_prog_fd");
        static final VarHandle FLAGS = BpfAttr.h(BpfAttr.LINK_UPDATE, "flags");
        static final VarHandle OLD_PROG_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "old_prog_fd");
    }
}
