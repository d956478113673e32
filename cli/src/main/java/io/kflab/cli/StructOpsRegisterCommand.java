package io.kflab.cli;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.ProgramFiles;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.StructOpsType;
import io.kflab.verifier.structops.TcpCongestionOps;
import io.kflab.verifier.structops.diff.KernelSyscalls;
import io.kflab.verifier.structops.diff.ValueBytes;
import io.kflab.verifier.structops.diff.ValueSpec;
import io.kflab.verifier.structops.model.MapAttrs;
import io.kflab.verifier.structops.model.SysResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kflab structops register}: loads one program per member, writes a struct_ops map, registers
 * it (BPF_LINK_CREATE, or the map update itself with {@code --via map}), checks the kernel lists it,
 * then unregisters — also when a step fails. It never makes a congestion control the default.
 */
@Command(name = "register", description = "Register a struct_ops map built from programs (one per member) for a moment, then "
        + "unregister it; for tcp_congestion_ops the name shows in tcp_available_congestion_control meanwhile (never the default). "
        + "Exit 0 when registration and unregistration worked, 1 when the kernel refused a step.")
final class StructOpsRegisterCommand implements Callable<Integer> {
    /** Members of the built-in congestion control (examples/structops/kflab_reno). */
    static final List<String> BUILTIN = List.of("ssthresh", "cong_avoid", "undo_cwnd");

    @Parameters(arity = "0..*", paramLabel = "[MEMBER=]FILE",
            description = "A program for a member: MEMBER=FILE, or FILE named after the member (ssthresh.s).")
    List<String> files = new ArrayList<>();

    @Option(names = "--type", defaultValue = TcpCongestionOps.NAME, paramLabel = "STRUCT", description = "struct_ops type (default ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name member (1-15 of A-Z a-z 0-9 _ .).")
    String name;

    @Option(names = "--builtin", description = "Use kflab's minimal Reno congestion control (ssthresh, cong_avoid, undo_cwnd).")
    boolean builtin;

    @Option(names = "--flags", defaultValue = "0", paramLabel = "N", description = "The flags member (tcp: TCP_CONG_* bits).")
    long flags;

    @Option(names = "--via", defaultValue = "link", paramLabel = "link|map",
            description = "Register through a BPF_F_LINK map and BPF_LINK_CREATE (default), or by the update of a plain map.")
    String via;

    @Option(names = "--hold", defaultValue = "0", paramLabel = "SECONDS", description = "Stay registered this long before unregistering.")
    int hold;

    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    /** One step and the kernel's answer. */
    record StepResult(String step, boolean ok, String errno, String detail) {}

    @Override
    public Integer call() throws Exception {
        if (!via.equals("link") && !via.equals("map")) throw new BadInputException("--via " + via, "link or map");
        if (hold < 0 || hold > 3600) throw new BadInputException("--hold " + hold, "0 to 3600 seconds");
        if (!name.matches("[A-Za-z0-9_.]{1,15}")) {
            throw new BadInputException("--name " + name, "1 to 15 characters of A-Z a-z 0-9 _ . (the kernel's object names)");
        }
        if (builtin == !files.isEmpty()) throw new BadInputException("register", "program FILEs or --builtin (one of them)");
        Btf btf = StructOpsCommand.btf();
        StructOpsType t = StructOpsType.of(btf, type);
        if (builtin && !type.equals(TcpCongestionOps.NAME)) throw new BadInputException("--builtin", "--type " + TcpCongestionOps.NAME);
        Map<String, byte[]> progs = programs(t);
        BpfCapability.require();
        List<StepResult> steps = new ArrayList<>();
        boolean registered = false, listedWhileRegistered = false, unregistered = false;
        try (KernelSyscalls k = new KernelSyscalls()) {
            Map<String, Integer> fds = new LinkedHashMap<>();
            boolean ok = true;
            for (var e : progs.entrySet()) {
                int idx = t.member(e.getKey()).orElseThrow().index();
                SysResult r = k.progLoad(new ProgAttrs("GPL", t.typeId(), idx, 0), e.getValue());
                ok = record(steps, "load " + t.name() + "." + e.getKey() + " (member index " + idx + ")", r,
                        r.ok() ? "prog fd " + r.fd() : verdict(r.log()));
                if (!ok) break;
                fds.put(e.getKey(), r.fd());
            }
            int map = -1, link = -1;
            if (ok) {
                SysResult b = k.btfLoadUser();
                ok = record(steps, "btf_load (minimal user BTF for btf_fd)", b, b.ok() ? "fd " + b.fd() : "");
                if (ok) {
                    int mflags = via.equals("link") ? MapAttrs.BPF_F_LINK : 0;
                    SysResult m = k.mapCreate(new MapAttrs(4, t.valueSize(), 1, mflags, b.fd(), t.valueTypeId(), 0));
                    ok = record(steps, "map_create struct_ops value bpf_struct_ops_" + t.name() + (mflags != 0 ? " BPF_F_LINK" : ""), m,
                            m.ok() ? "fd " + m.fd() : "");
                    if (ok) map = m.fd();
                }
            }
            try {
                if (ok) {
                    ValueSpec v = ValueSpec.of();
                    if (t.member("name").isPresent()) v.name(name);
                    if (t.member("flags").isPresent() && flags != 0) v.data("flags", flags);
                    progs.keySet().forEach(m -> v.func(m, m));
                    SysResult u = k.mapUpdate(map, 0, ValueBytes.build(t, v, fds::get), 0);
                    ok = record(steps, "map_update " + v, u, "");
                    registered = ok && via.equals("map");
                    if (ok) {
                        SysResult l = k.mapLookup(map, 0);
                        record(steps, "map_lookup", l, l.ok() ? ValueBytes.describe(t, l.data()) : "");
                    }
                }
                if (ok && via.equals("link")) {
                    SysResult l = k.linkCreate(map);
                    ok = record(steps, "link_create (reg)", l, l.ok() ? "fd " + l.fd() : "");
                    if (ok) {
                        link = l.fd();
                        registered = true;
                    }
                }
                if (registered) {
                    listedWhileRegistered = !t.name().equals(TcpCongestionOps.NAME) || k.tcpAvailable().contains(name);
                    steps.add(new StepResult("check tcp_available_congestion_control", listedWhileRegistered, "",
                            t.name().equals(TcpCongestionOps.NAME) ? String.join(" ", k.tcpAvailable()) : "not a tcp type"));
                    if (hold > 0) Thread.sleep(hold * 1000L);
                }
            } finally {
                if (link >= 0) record(steps, "link_detach (unreg)", k.linkDetach(link), "");
                else if (registered) record(steps, "map_delete (unreg)", k.mapDelete(map, 0), "");
                if (registered) {
                    unregistered = !k.tcpAvailable().contains(name);
                    steps.add(new StepResult("check unregistered", unregistered, "", String.join(" ", k.tcpAvailable())));
                }
            }
        }
        print(steps, registered, listedWhileRegistered, unregistered);
        return registered && listedWhileRegistered && unregistered ? 0 : 1;
    }

    private Map<String, byte[]> programs(StructOpsType t) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        var symbols = KernelSession.get().symbols();
        if (builtin) {
            for (String m : BUILTIN) out.put(m, new Assembler(symbols).assemble(builtinSource(m), m + ".s").bytes());
            return out;
        }
        for (String f : files) {
            int eq = f.indexOf('=');
            Path p = Path.of(eq > 0 ? f.substring(eq + 1) : f);
            String member = eq > 0 ? f.substring(0, eq) : p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            OpsMember m = t.member(member).orElseThrow(() -> new BadInputException(f, "a member of " + t.name() + " as MEMBER= or file name; members: "
                    + String.join(", ", t.funcs().stream().map(OpsMember::name).toList())));
            if (!(m instanceof OpsMember.Func)) throw new BadInputException(f, "a function member; " + member + " is data");
            if (out.containsKey(member)) throw new BadInputException(f, "one program per member; " + member + " has one");
            out.put(member, ProgramFiles.readBytes(p, symbols));
        }
        return out;
    }

    /** The built-in program for a member (a copy of examples/structops/kflab_reno). */
    static String builtinSource(String member) {
        try (InputStream in = StructOpsRegisterCommand.class.getResourceAsStream("structops/" + member + ".s")) {
            if (in == null) throw new IllegalStateException("missing built-in program " + member);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean record(List<StepResult> steps, String what, SysResult r, String detail) {
        steps.add(new StepResult(what, r.ok(), r.ok() ? "" : r.errno().name(), r.ok() && r.value() > 0 && detail.isEmpty()
                ? "returned " + r.value() : detail));
        return r.ok();
    }

    private static String verdict(String log) {
        String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) if (!lines[i].startsWith("processed ") && !lines[i].isBlank()) return lines[i];
        return "";
    }

    private void print(List<StepResult> steps, boolean registered, boolean listed, boolean unregistered) {
        var w = spec.commandLine().getOut();
        if (json.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("type", type);
            j.put("name", name);
            j.put("via", via);
            j.put("registered", registered);
            j.put("listed", listed);
            j.put("unregistered", unregistered);
            j.put("steps", steps);
            JsonMixin.print(w, j);
            return;
        }
        for (StepResult s : steps) {
            w.printf("%-4s %s%s%n", s.ok() ? "ok" : s.errno().isEmpty() ? "FAIL" : s.errno(), s.step(),
                    s.detail().isEmpty() ? "" : "\n       " + s.detail());
        }
        w.println(registered ? (unregistered ? "registered " + name + ", then unregistered" : "registered " + name + ", NOT unregistered")
                : "not registered");
    }
}
