package io.kflab.verifier.structops.diff;

import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.model.MapAttrs;
import io.kflab.verifier.structops.model.ProgBody;
import io.kflab.verifier.structops.model.TestRunArgs;
import java.util.ArrayList;
import java.util.List;

/** A named sequence of struct_ops commands, run the same way on the model and on the kernel. */
public record Scenario(String name, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Starts a scenario. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Builds a scenario step by step; a user BTF {@code btf} is loaded first by every scenario. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();

        Builder(String name) {
            this.name = name;
            steps.add(new Step.Btf("btf", false));
        }

        public Builder step(Step s) {
            steps.add(s);
            return this;
        }

        /** A program {@code r0 = 0; exit} for {@code type.member} under handle {@code member}. */
        public Builder prog(String type, String member) {
            return prog(member, type, member, new ProgBody.RetConst(0));
        }

        public Builder prog(String as, String type, String member, ProgBody body) {
            return step(new Step.Load(as, type, member, null, null, 0, "GPL", body));
        }

        /** ssthresh, cong_avoid and undo_cwnd programs of tcp_congestion_ops. */
        public Builder tcpProgs() {
            return prog("tcp_congestion_ops", "ssthresh").prog("tcp_congestion_ops", "cong_avoid")
                    .prog("tcp_congestion_ops", "undo_cwnd");
        }

        public Builder map(String as, String type, int flags) {
            return step(new Step.Map(as, type, flags, "btf", 4, 1, 0, null, null));
        }

        public Builder linkMap(String as, String type) {
            return map(as, type, MapAttrs.BPF_F_LINK);
        }

        public Builder update(String map, ValueSpec v) {
            return step(new Step.Update(map, v, 0, 0));
        }

        public Builder delete(String map) {
            return step(new Step.Delete(map, 0));
        }

        public Builder lookup(String map) {
            return step(new Step.Lookup(map, 0));
        }

        public Builder link(String as, String map) {
            return step(new Step.Link(as, map));
        }

        public Builder linkUpdate(String link, String newMap) {
            return step(new Step.LinkUpdate(link, newMap, 0, "#0"));
        }

        public Builder detach(String link) {
            return step(new Step.Detach(link));
        }

        public Builder close(String handle) {
            return step(new Step.Close(handle));
        }

        public Builder available(String tcpName) {
            return step(new Step.Available(tcpName));
        }

        public Builder testRun(String prog, Integer state, int ctxSlots, long... rest) {
            return step(new Step.TestRun(prog, new TestRunArgs(state, rest, ctxSlots)));
        }

        /** A load with raw attributes. */
        public Builder load(String as, String type, String member, Integer index, Integer btfId, int flags, String license,
                            ProgBody body) {
            return step(new Step.Load(as, type, member, index, btfId, flags, license, body));
        }

        /** Sleepable flag for {@link #load}. */
        public static final int SLEEPABLE = ProgAttrs.BPF_F_SLEEPABLE;

        public Scenario build() {
            return new Scenario(name, steps);
        }
    }
}
