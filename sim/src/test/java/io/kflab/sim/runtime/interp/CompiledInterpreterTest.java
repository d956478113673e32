package io.kflab.sim.runtime.interp;

import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.Sim;
import io.kflab.sim.runtime.compiled.CompiledEngine;

/** Every {@link InterpreterTest} case again, on the compiled engine. */
class CompiledInterpreterTest extends InterpreterTest {
    @Override
    Sim sim(RuntimeConfig config) {
        return new Sim(config).engine(CompiledEngine::new);
    }
}
