package io.kflab.bpf.btf;

/** The void type, type id 0 (kernel: BTF_KIND_UNKN). */
public record BtfVoid() implements BtfType {
    /** The only instance. */
    public static final BtfVoid INSTANCE = new BtfVoid();

    @Override public String name() { return ""; }
    @Override public BtfKind kind() { return BtfKind.UNKN; }
}
