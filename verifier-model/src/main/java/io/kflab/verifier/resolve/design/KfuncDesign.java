package io.kflab.verifier.resolve.design;

import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * One way of making a kfunc depend on its calling context (kfunc-designs (a)-(h)): given the kfunc a
 * program names and the call site's context, the verifier's and the kfunc's verdict. Implementations
 * are stateless records; decisions are deterministic.
 */
public sealed interface KfuncDesign permits RuntimeMask, LoadFilter, Polymorphic, Remap, Specialize, ImplicitArgs, BuildTime, ArgType {

    Profile profile();

    /** The design's own decision, after the checks every design shares. */
    Verdict decideDesign(Subsystem s, KfuncSpec named, String calledAs, ResolutionContext ctx);

    /** The verdict for a call of {@code calledAs} (a name or alias of {@code named}) from {@code ctx}. */
    default Verdict decide(Subsystem s, KfuncSpec named, String calledAs, ResolutionContext ctx) {
        return Checks.spinLock(ctx).orElseGet(() -> decideDesign(s, named, calledAs, ctx));
    }

    /** The verdict for a call of the kfunc by its own name. */
    default Verdict decide(Subsystem s, KfuncSpec named, ResolutionContext ctx) {
        return decide(s, named, named.name(), ctx);
    }
}
