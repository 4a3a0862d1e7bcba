package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import java.io.Serializable;

/** Runs a gate on the agent; a seam so tests can answer with a prepared result. */
interface GateEngine extends Serializable {
  GateResult run(GateConfig config, GateListener listener);
}
