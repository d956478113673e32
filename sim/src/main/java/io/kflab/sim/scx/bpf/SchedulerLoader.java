package io.kflab.sim.scx.bpf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.MapType;
import io.kflab.sim.scx.Design;
import io.kflab.sim.scx.DsqId;
import io.kflab.sim.scx.Scx;
import io.kflab.sim.scx.ScxKfunc;
import io.kflab.sim.scx.ScxOp;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Loads a BPF scheduler the way a loader would (kernel: libbpf opening the skeleton, loading each
 * struct_ops member program, then the map update): reads scheduler.yaml, creates its maps,
 * assembles each {@code <op>.s} with the scx kfuncs, DSQ ids and task offsets as symbols, and
 * under LOAD_FILTER / POLYMORPHIC refuses a member calling a kfunc its op may not call.
 */
public final class SchedulerLoader {
    private SchedulerLoader() {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What scheduler.yaml holds. */
    record SpecFile(String name, String description, String expected, String expectedExit, Long flags, Integer timeout_ms,
                    Integer dispatch_max_batch, List<SchedulerSpec.MapSpec> maps, Map<String, String> programs) {}

    public static SchedulerSpec spec(SchedulerSource src) {
        String text = src.read("scheduler.yaml");
        String where = src.location("scheduler.yaml");
        if (text == null) throw new BadInputException(where, "expected a scheduler.yaml describing the scheduler");
        SpecFile f;
        try {
            f = YAML.readValue(text, SpecFile.class);
        } catch (JsonMappingException e) {
            var loc = e.getLocation();
            String at = loc == null ? where : where + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                // the parser has moved past the key: name the line the key is on
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].stripLeading().startsWith(u.getPropertyName() + ":")) at = where + ":" + (i + 1) + ":1";
                }
            }
            throw new BadInputException(at, "expected name, description, expected, expectedExit, flags, timeout_ms, dispatch_max_batch, maps, programs: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new BadInputException(where, "expected YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (f == null || f.name() == null || f.name().isBlank()) throw new BadInputException(where, "expected a non-empty 'name' (sched_ext_ops.name)");
        List<SchedulerSpec.MapSpec> maps = f.maps() == null ? List.of() : f.maps();
        for (SchedulerSpec.MapSpec m : maps) {
            if (MapType.fromCliName(m.type()).isEmpty()) throw new BadInputException(where, "expected a map type such as array or hash for map '" + m.name() + "', found '" + m.type() + "'");
        }
        Map<String, String> programs = f.programs() == null ? Map.of() : f.programs();
        for (String op : programs.keySet()) {
            if (java.util.Arrays.stream(ScxOp.values()).noneMatch(o -> o.member().equals(op))) {
                throw new BadInputException(where, "expected an op name (select_cpu, enqueue, dispatch, ...) under 'programs', found '" + op + "'");
            }
        }
        return new SchedulerSpec(f.name(), f.description() == null ? "" : f.description(), f.expected() == null ? "" : f.expected(),
                f.expectedExit() == null ? "NONE" : f.expectedExit(), f.flags() == null ? 0 : f.flags(),
                f.timeout_ms() == null ? 0 : f.timeout_ms(), f.dispatch_max_batch() == null ? 0 : f.dispatch_max_batch(), maps, programs);
    }

    /**
     * The scheduler with every op that has a program.
     *
     * @throws ScxLoadRejected when {@code design} rejects a member at load
     * @throws BadInputException for malformed files
     */
    public static BpfScheduler load(SchedulerSource src, long seed, Design design) {
        SchedulerSpec spec = spec(src);
        ScxKfuncBindings[] b = new ScxKfuncBindings[1];
        BpfScheduler s = new BpfScheduler(spec, seed, b);
        SymbolTable.Builder symbols = SymbolTable.builder().kfuncs(b[0]::id);
        constants().forEach(symbols::constant);
        for (var e : s.runtime().maps().entrySet()) symbols.mapFd(e.getValue().def().name(), e.getKey());
        Assembler asm = new Assembler(symbols.build());
        Map<Integer, String> names = new java.util.HashMap<>();
        b[0].ids().forEach((n, id) -> names.put(id, n));
        int found = 0;
        for (ScxOp op : ScxOp.values()) {
            // an op's program is <op>.s, or the file scheduler.yaml's 'programs' names (e.g. another scheduler's)
            String file = spec.programs().getOrDefault(op.member(), op.member() + ".s");
            String text = src.read(file);
            if (text == null && spec.programs().containsKey(op.member())) {
                throw new BadInputException(src.location("scheduler.yaml"), "expected the program file '" + file + "' for ops." + op.member());
            }
            if (text == null) continue;
            found++;
            var assembled = asm.assemble(text, src.location(file));
            if (design != Design.RUNTIME_MASK) checkAtLoad(op, assembled.slots(), names);
            s.install(op, assembled.program());
        }
        if (found == 0) throw new BadInputException(src.location(""), "expected at least one op program such as enqueue.s");
        return s;
    }

    private static void checkAtLoad(ScxOp op, List<RawInsn> slots, Map<Integer, String> names) {
        for (RawInsn r : slots) {
            if (r.code() != 0x85 || r.src() != 2) continue;
            String name = names.get(r.imm());
            for (ScxKfunc k : ScxKfunc.values()) {
                if (k.kernelName.equals(name) && !k.allowedAtLoad(op)) {
                    throw new ScxLoadRejected("ops." + op.member() + ": calling kernel function " + name + " is not allowed", "EACCES");
                }
            }
        }
    }

    /** The assembler constants every scheduler program may use. */
    static Map<String, Long> constants() {
        Map<String, Long> c = new java.util.LinkedHashMap<>(TaskLayout.CONSTANTS);
        c.put("SCX_DSQ_GLOBAL", DsqId.GLOBAL);
        c.put("SCX_DSQ_LOCAL", DsqId.LOCAL);
        c.put("SCX_DSQ_LOCAL_ON", DsqId.LOCAL_ON);
        c.put("SCX_SLICE_DFL", Scx.SLICE_DFL);
        c.put("SCX_KICK_IDLE", 1L);
        c.put("SCX_KICK_PREEMPT", 2L);
        c.put("SCX_ENQ_HEAD", 1L << 4);
        return c;
    }
}
