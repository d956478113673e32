package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.Sim;
import io.kflab.sim.runtime.compiled.CompiledEngine;

/** Every {@link HelpersTest} case again, on the compiled engine. */
class CompiledHelpersTest extends HelpersTest {
    @Override
    Sim sim(RuntimeConfig config) {
        return new Sim(config).engine(CompiledEngine::new);
    }
}
