package io.kflab.sim.runtime.mem;

/** What a memory region holds (kernel: the register types PTR_TO_STACK, PTR_TO_CTX, PTR_TO_MAP_VALUE, PTR_TO_PACKET, PTR_TO_MEM ...). */
public enum RegionKind {
    /** A frame's 512-byte stack (PTR_TO_STACK). */
    STACK,
    /** The program's context (PTR_TO_CTX): an __sk_buff, xdp_md or a syscall program's argument block. */
    CTX,
    /** One map element's value (PTR_TO_MAP_VALUE). */
    MAP_VALUE,
    /** Packet data (PTR_TO_PACKET .. PTR_TO_PACKET_END). */
    PACKET,
    /** A ring buffer record handed out by bpf_ringbuf_reserve (PTR_TO_MEM | MEM_ALLOC). */
    RINGBUF_RECORD,
    /** A map object itself (CONST_PTR_TO_MAP): an address, not readable by the program here. */
    MAP_OBJECT,
    /** Memory a kfunc or helper hands out (PTR_TO_MEM / PTR_TO_BTF_ID). */
    KERNEL_OBJECT
}
