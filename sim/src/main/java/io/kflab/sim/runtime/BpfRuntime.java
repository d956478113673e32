package io.kflab.sim.runtime;

import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.helpers.HelperTable;
import io.kflab.sim.runtime.helpers.KfuncRegistry;
import io.kflab.sim.runtime.maps.MapDef;
import io.kflab.sim.runtime.maps.SimMap;
import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated kernel a program runs in: its memory, maps and loaded programs by fd, the helper and
 * kfunc tables, the trace pipe, the seeded random source and the per-depth stack frames. One runtime
 * is single-threaded and deterministic: the same calls give the same results.
 */
public final class BpfRuntime {
    /** Frames a program may nest (kernel: MAX_CALL_FRAMES). */
    public static final int MAX_CALL_FRAMES = 8;
    /** Bytes of stack per frame (kernel: MAX_BPF_STACK). */
    public static final int STACK_SIZE = 512;

    private final RuntimeConfig config;
    private final Memory memory = new Memory();
    private final Map<Integer, SimMap> maps = new LinkedHashMap<>();
    private final Map<String, Integer> mapNames = new LinkedHashMap<>();
    private final Map<Long, SimMap> mapsByAddress = new java.util.HashMap<>();
    private final Map<Integer, LoadedProgram> progs = new LinkedHashMap<>();
    private final List<Integer> fdArray = new ArrayList<>();
    private final HelperTable helpers = HelperTable.standard();
    private final KfuncRegistry kfuncs = new KfuncRegistry();
    private final List<String> tracePipe = new ArrayList<>();
    private final Random random;
    private final Region[] stacks = new Region[MAX_CALL_FRAMES];
    private int nextFd = 3;

    public BpfRuntime(RuntimeConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
        for (int i = 0; i < MAX_CALL_FRAMES; i++) stacks[i] = memory.allocate(RegionKind.STACK, "stack of frame " + i, STACK_SIZE, true);
    }

    public BpfRuntime() {
        this(RuntimeConfig.defaults());
    }

    public RuntimeConfig config() {
        return config;
    }

    public Memory memory() {
        return memory;
    }

    /** BPF_MAP_CREATE: a new map and its fd. */
    public int createMap(MapDef def) {
        SimMap m = SimMap.create(def, memory, config.cpus());
        int fd = nextFd++;
        maps.put(fd, m);
        mapNames.put(def.name(), fd);
        mapsByAddress.put(m.address(), m);
        return fd;
    }

    public SimMap map(int fd) {
        return maps.get(fd);
    }

    /** The map created under {@code name} (the last one, if several share it). */
    public Optional<SimMap> map(String name) {
        Integer fd = mapNames.get(name);
        return fd == null ? Optional.empty() : Optional.of(maps.get(fd));
    }

    /** The map whose address (CONST_PTR_TO_MAP) is {@code addr}, or null. */
    public SimMap mapAt(long addr) {
        return mapsByAddress.get(addr);
    }

    /** Maps by fd, in creation order. */
    public Map<Integer, SimMap> maps() {
        return java.util.Collections.unmodifiableMap(maps);
    }

    /** The fd_array of the load (ld_imm64 map_idx operands index it). */
    public void fdArray(List<Integer> fds) {
        fdArray.clear();
        fdArray.addAll(fds);
    }

    public Optional<Integer> fdArrayEntry(int index) {
        return index >= 0 && index < fdArray.size() ? Optional.of(fdArray.get(index)) : Optional.empty();
    }

    /** BPF_PROG_LOAD without the verifier: the program gets an fd (a prog array can hold it). */
    public LoadedProgram load(Program program, ProgType type) {
        LoadedProgram p = LoadedProgram.of(nextFd++, type, program);
        progs.put(p.fd(), p);
        return p;
    }

    public LoadedProgram prog(int fd) {
        return progs.get(fd);
    }

    public HelperTable helpers() {
        return helpers;
    }

    /** Where subsystems register kfunc implementations (e.g. sched_ext's scx_bpf_*). */
    public KfuncRegistry kfuncs() {
        return kfuncs;
    }

    /** Lines written by bpf_trace_printk, in order. */
    public List<String> tracePipe() {
        return tracePipe;
    }

    public Random random() {
        return random;
    }

    /** The stack region of call depth {@code depth} (0 = the program's own frame). */
    public Region stack(int depth) {
        return stacks[depth];
    }
}
