package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;

/** The production engine: the shared client's {@link Gate}. An enum, so it serializes as a name. */
enum RealGate implements GateEngine {
  INSTANCE;

  @Override
  public GateResult run(GateConfig config, GateListener listener) {
    return Gate.run(config, listener);
  }
}
