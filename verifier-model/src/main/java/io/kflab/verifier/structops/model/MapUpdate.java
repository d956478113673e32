package io.kflab.verifier.structops.model;

import io.kflab.bpf.sys.Errno;
import io.kflab.verifier.structops.InitMember;
import io.kflab.verifier.structops.Kdata;
import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.StructOpsState;
import io.kflab.verifier.structops.StructOpsSubsystem;
import io.kflab.verifier.structops.StructOpsType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/** BPF_MAP_UPDATE_ELEM on a struct_ops map (kernel: bpf_struct_ops_map_update_elem), step by step in the kernel's order. */
final class MapUpdate {
    private MapUpdate() {}

    /** Looks a program fd up: the program, or the errno bpf_prog_get gives (EBADF, EINVAL). */
    interface ProgTable extends IntFunction<Object> {}

    static SysResult update(ModelMap map, int key, byte[] value, long flags, ProgTable progs) {
        StructOpsType t = map.entry.type();
        StructOpsSubsystem st = map.entry.subsystem();
        if (flags != 0) return SysResult.err(Errno.EINVAL);
        if (key != 0) return SysResult.err(Errno.E2BIG);
        int dataEnd = t.dataOffset() + t.size();
        if (nonZero(value, StructOpsType.COMMON_SIZE, t.dataOffset()) || nonZero(value, dataEnd, t.valueSize())) {
            return SysResult.err(Errno.EINVAL);
        }
        byte[] udata = java.util.Arrays.copyOfRange(value, t.dataOffset(), dataEnd);
        if (structHoles(t, udata)) return SysResult.err(Errno.EINVAL);
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        if (v.getInt(0) != 0 || v.getInt(4) != 0) return SysResult.err(Errno.EINVAL);
        if (map.state != StructOpsState.INIT) return SysResult.err(Errno.EBUSY);

        byte[] kdata = new byte[t.size()];
        byte[] shown = value.clone();
        Map<String, Integer> progIds = new LinkedHashMap<>();
        long err = 0;
        for (OpsMember m : t.members()) {
            if (m instanceof OpsMember.Data d && d.modulePointer()) {
                if (nonZero(udata, m.offset(), m.offset() + m.size())) return reset(map, err);
                continue;
            }
            InitMember im = st.initMember(t, m, kdata, udata);
            if (im instanceof InitMember.Failed f) return reset(map, -f.errno().number());
            if (im instanceof InitMember.Handled) {
                err = 1;
                continue;
            }
            err = 0;
            if (!(m instanceof OpsMember.Func)) {
                if (nonZero(udata, m.offset(), m.offset() + m.size())) return reset(map, -Errno.EINVAL.number());
                continue;
            }
            int progFd = (int) ByteBuffer.wrap(udata).order(ByteOrder.LITTLE_ENDIAN).getLong(m.offset());
            if (progFd == 0) continue;
            Object p = progs.apply(progFd);
            if (p instanceof Errno e) return reset(map, -e.number());
            ModelProg prog = (ModelProg) p;
            if (prog.attrs().attachBtfId() != t.typeId() || prog.attrs().expectedAttachType() != m.index()) {
                return reset(map, -Errno.EINVAL.number());
            }
            progIds.put(m.name(), prog.id());
            ByteBuffer.wrap(shown).order(ByteOrder.LITTLE_ENDIAN).putLong(t.dataOffset() + m.offset(), prog.id());
        }
        Kdata kd = new Kdata(t, kdata, progIds);
        if (st.hasValidate()) {
            Optional<Errno> e = st.validate(kd);
            if (e.isPresent()) return reset(map, -e.get().number());
        }
        if (map.linkFlag()) {
            map.state = StructOpsState.READY;
        } else {
            Optional<Errno> e = st.reg(kd, OptionalLong.empty());
            if (e.isPresent()) return reset(map, -e.get().number());
            map.state = StructOpsState.INUSE;
        }
        map.uvalue = shown;
        map.kdata = kd;
        return SysResult.ok(0);
    }

    /** kernel: the reset_unlock path — the map goes back to INIT and the syscall returns {@code err} as it stands. */
    private static SysResult reset(ModelMap map, long err) {
        map.reset();
        return err < 0 ? SysResult.err(Errno.of((int) -err)) : SysResult.ok(err);
    }

    /** kernel: check_zero_holes on the struct — gaps between members and the tail must be zero. */
    private static boolean structHoles(StructOpsType t, byte[] data) {
        int prevEnd = 0;
        for (OpsMember m : t.members()) {
            if (m.offset() > prevEnd && nonZero(data, prevEnd, m.offset())) return true;
            prevEnd = m.offset() + m.size();
        }
        return t.size() > prevEnd && nonZero(data, prevEnd, t.size());
    }

    static boolean nonZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return true;
        return false;
    }
}
