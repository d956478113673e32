package io.kflab.verifier.check;

import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.state.MapDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a load supplies besides the instructions (kernel: union bpf_attr's prog_type, log_level,
 * fd_array, the maps behind ld_imm64 fds, and the loader's CAP_BPF).
 *
 * @param mapsByFd maps for {@code BPF_PSEUDO_MAP_FD} loads
 * @param fdArray maps for {@code BPF_PSEUDO_MAP_IDX} loads
 * @param nrCpuIds the kernel's nr_cpu_ids (bounds bpf_get_smp_processor_id)
 * @param sleepable BPF_F_SLEEPABLE in prog_flags
 */
public record VerifyOptions(ProgType progType, boolean bpfCapable, int logLevel, Map<Integer, MapDef> mapsByFd,
                            List<MapDef> fdArray, int nrCpuIds, boolean sleepable) {

    /** A non-sleepable load. */
    public VerifyOptions(ProgType progType, boolean bpfCapable, int logLevel, Map<Integer, MapDef> mapsByFd,
                         List<MapDef> fdArray, int nrCpuIds) {
        this(progType, bpfCapable, logLevel, mapsByFd, fdArray, nrCpuIds, false);
    }

    /** A privileged load of {@code type} at log level 1 with no maps. */
    public static VerifyOptions of(ProgType type) {
        return new VerifyOptions(type, true, 1, Map.of(), List.of(), hostCpuIds());
    }

    public VerifyOptions withMaps(Map<Integer, MapDef> maps) {
        return new VerifyOptions(progType, bpfCapable, logLevel, maps, fdArray, nrCpuIds, sleepable);
    }

    public VerifyOptions withLogLevel(int level) {
        return new VerifyOptions(progType, bpfCapable, level, mapsByFd, fdArray, nrCpuIds, sleepable);
    }

    /** The same load with BPF_F_SLEEPABLE set or cleared (kernel: prog->sleepable). */
    public VerifyOptions withSleepable(boolean s) {
        return new VerifyOptions(progType, bpfCapable, logLevel, mapsByFd, fdArray, nrCpuIds, s);
    }

    /** This machine's nr_cpu_ids: the last possible CPU + 1 (/sys/devices/system/cpu/possible). */
    public static int hostCpuIds() {
        try {
            String s = Files.readString(Path.of("/sys/devices/system/cpu/possible")).trim();
            String last = s.substring(Math.max(s.lastIndexOf(','), s.lastIndexOf('-')) + 1);
            return Integer.parseInt(last) + 1;
        } catch (Exception e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
