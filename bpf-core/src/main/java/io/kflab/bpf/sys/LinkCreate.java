package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/** The BPF_LINK_CREATE command (kernel: union bpf_attr, link_create block; the tracing member of its union). */
public final class LinkCreate {
    private final int progOrMapFd;
    private final AttachType attachType;
    private int target;
    private int flags;
    private int targetBtfId;
    private long cookie;

    LinkCreate(int progOrMapFd, AttachType attachType) {
        this.progOrMapFd = progOrMapFd;
        this.attachType = attachType;
    }

    /** target_fd: e.g. a cgroup fd, or a BPF program for freplace. */
    public LinkCreate targetFd(int fd) {
        this.target = fd;
        return this;
    }

    /** target_ifindex: the network device (XDP, tcx, netkit). */
    public LinkCreate targetIfindex(int ifindex) {
        this.target = ifindex;
        return this;
    }

    /** flags (for XDP: the XDP_FLAGS_* of if_link.h). */
    public LinkCreate flags(int flags) {
        this.flags = flags;
        return this;
    }

    /** target_btf_id (freplace / tracing on a BPF program). */
    public LinkCreate targetBtfId(int id) {
        this.targetBtfId = id;
        return this;
    }

    /** tracing.cookie, readable with bpf_get_attach_cookie. */
    public LinkCreate cookie(long cookie) {
        this.cookie = cookie;
        return this;
    }

    /** Creates the link; failures throw {@link BpfException}. */
    public LinkFd create() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.LINK_CREATE);
            A.PROG_FD.set(attr, progOrMapFd);
            A.TARGET_FD.set(attr, target);
            A.ATTACH_TYPE.set(attr, attachType.value());
            A.FLAGS.set(attr, flags);
            A.TARGET_BTF_ID.set(attr, targetBtfId);
            A.COOKIE.set(attr, cookie);
            return new LinkFd(Bpf.fdCall(arena, BpfCmd.BPF_LINK_CREATE, attr, BpfAttr.LINK_CREATE));
        }
    }

    private static final class A {
        static final VarHandle PROG_FD = BpfAttr.h(BpfAttr.LINK_CREATE, "prog_fd");
        static final VarHandle TARGET_FD = BpfAttr.h(BpfAttr.LINK_CREATE, "target_fd");
        static final VarHandle ATTACH_TYPE = BpfAttr.h(BpfAttr.LINK_CREATE, "attach_type");
        static final VarHandle FLAGS = BpfAttr.h(BpfAttr.LINK_CREATE, "flags");
        static final VarHandle TARGET_BTF_ID = BpfAttr.h(BpfAttr.LINK_CREATE, "target_btf_id");
        static final VarHandle COOKIE = BpfAttr.h(BpfAttr.LINK_CREATE, "cookie");
    }
}
