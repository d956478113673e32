package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The tcp_congestion_ops descriptor (kernel: bpf_tcp_congestion_ops in net/ipv4/bpf_tcp_ca.c with
 * tcp_register/unregister/update/validate_congestion_control of net/ipv4/tcp_cong.c). Its state is
 * the kernel's list of congestion controls, by name (the kernel keys it by a hash of the name).
 */
public final class TcpCongestionOps implements StructOpsSubsystem {
    /** The struct's name. */
    public static final String NAME = "tcp_congestion_ops";
    /** Flag bits init_member accepts on 6.12 (kernel: TCP_CONG_MASK = NON_RESTRICTED | NEEDS_ECN). */
    public static final long CONG_MASK_6_12 = 0x3;
    /**
     * Flag bits init_member accepts on 6.18, measured bit by bit: 0x1 to 0x10 pass, 0x20 and above fail
     * (TCP_CONG_MASK grew three flags after 6.12).
     */
    public static final long CONG_MASK_6_18 = 0x1f;
    /** Helper ids get_func_proto treats specially (kernel: enum bpf_func_id). */
    public static final int BPF_FUNC_SETSOCKOPT = 49, BPF_FUNC_GETSOCKOPT = 57, BPF_FUNC_SK_STORAGE_GET = 107,
            BPF_FUNC_SK_STORAGE_DELETE = 108, BPF_FUNC_TCP_SEND_ACK = 116, BPF_FUNC_KTIME_GET_COARSE_NS = 160;
    /** Name length including the NUL (kernel: TCP_CA_NAME_MAX). */
    public static final int TCP_CA_NAME_MAX = 16;

    /**
     * The flag mask of a kernel release ({@code uname -r}, e.g. {@code 6.18.44}): {@link #CONG_MASK_6_18}
     * from 6.18 on, {@link #CONG_MASK_6_12} before (releases in between are not measured).
     */
    public static long congMaskFor(String release) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release);
        if (!m.find()) return CONG_MASK_6_18;
        int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
        return major > 6 || major == 6 && minor >= 18 ? CONG_MASK_6_18 : CONG_MASK_6_12;
    }

    private static final Set<String> NO_STUB = Set.of("get_info");
    private static final List<String> REQUIRED = List.of("ssthresh", "undo_cwnd");

    private final long congMask;
    /** Registered congestion controls: name -> kdata (null for the built-in C ones). */
    private final Map<String, Kdata> registered = new LinkedHashMap<>();

    /**
     * @param builtins names already registered by C code (e.g. reno, cubic, bbr)
     * @param congMask the flag bits init_member accepts (kernel: TCP_CONG_MASK of the kernel modelled)
     */
    public TcpCongestionOps(Collection<String> builtins, long congMask) {
        for (String b : builtins) registered.put(b, null);
        this.congMask = congMask;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The registered names, in registration order (kernel: /proc/sys/net/ipv4/tcp_available_congestion_control). */
    public List<String> available() {
        return List.copyOf(registered.keySet());
    }

    @Override
    public boolean hasCfiStub(OpsMember.Func member) {
        return !NO_STUB.contains(member.name());
    }

    @Override
    public InitMember initMember(StructOpsType type, OpsMember member, byte[] kdata, byte[] udata) {
        switch (member.name()) {
            case "flags" -> {
                long flags = Integer.toUnsignedLong(ByteBuffer.wrap(udata).order(ByteOrder.LITTLE_ENDIAN).getInt(member.offset()));
                if ((flags & ~congMask) != 0) return new InitMember.Failed(Errno.EINVAL);
                System.arraycopy(udata, member.offset(), kdata, member.offset(), 4);
                return InitMember.HANDLED;
            }
            case "name" -> {
                int len = ObjName.copy(kdata, udata, member.offset(), member.size());
                return len <= 0 ? new InitMember.Failed(Errno.EINVAL) : InitMember.HANDLED;
            }
            default -> {
                return InitMember.NOT_HANDLED;
            }
        }
    }

    @Override
    public boolean hasValidate() {
        return true;
    }

    /** kernel: tcp_validate_congestion_control — ssthresh, undo_cwnd and cong_avoid or cong_control. */
    @Override
    public Optional<Errno> validate(Kdata kdata) {
        boolean ok = REQUIRED.stream().allMatch(kdata::implemented)
                && (kdata.implemented("cong_avoid") || kdata.implemented("cong_control"));
        return ok ? Optional.empty() : Optional.of(Errno.EINVAL);
    }

    /** kernel: tcp_register_congestion_control — validate, then EEXIST for a name already registered. */
    @Override
    public Optional<Errno> reg(Kdata kdata, OptionalLong link) {
        Optional<Errno> v = validate(kdata);
        if (v.isPresent()) return v;
        String name = kdata.string("name");
        if (registered.containsKey(name)) return Optional.of(Errno.EEXIST);
        registered.put(name, kdata);
        return Optional.empty();
    }

    @Override
    public void unreg(Kdata kdata, OptionalLong link) {
        registered.remove(kdata.string("name"), kdata);
    }

    @Override
    public boolean hasUpdate() {
        return true;
    }

    /** kernel: tcp_update_congestion_control — the new ops must carry the registered old ops' name. */
    @Override
    public Optional<Errno> update(Kdata kdata, Kdata oldKdata, long link) {
        String name = kdata.string("name");
        Kdata existing = registered.get(oldKdata.string("name"));
        if (existing == null || !oldKdata.string("name").equals(name)) return Optional.of(Errno.EINVAL);
        if (existing != oldKdata) return Optional.of(Errno.EINVAL);
        registered.put(name, kdata);
        return Optional.empty();
    }

    /** kernel: bpf_tcp_ca_get_func_proto — no bpf_setsockopt/bpf_getsockopt from {@code release}. */
    @Override
    public FuncProto funcProto(int helperId, OpsMember.Func member) {
        return switch (helperId) {
            case BPF_FUNC_TCP_SEND_ACK -> new FuncProto.Specific("bpf_tcp_send_ack");
            case BPF_FUNC_SK_STORAGE_GET -> new FuncProto.Specific("bpf_sk_storage_get");
            case BPF_FUNC_SK_STORAGE_DELETE -> new FuncProto.Specific("bpf_sk_storage_delete");
            case BPF_FUNC_SETSOCKOPT -> member.name().equals("release") ? FuncProto.UNAVAILABLE
                    : new FuncProto.Specific("bpf_sk_setsockopt");
            case BPF_FUNC_GETSOCKOPT -> member.name().equals("release") ? FuncProto.UNAVAILABLE
                    : new FuncProto.Specific("bpf_sk_getsockopt");
            case BPF_FUNC_KTIME_GET_COARSE_NS -> new FuncProto.Specific("bpf_ktime_get_coarse_ns");
            default -> FuncProto.BASE;
        };
    }
}
