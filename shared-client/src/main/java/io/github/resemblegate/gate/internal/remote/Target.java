package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ResembleClient;
import java.nio.file.Path;

/**
 * Where and how a run's submissions go: the client, the result key they are journaled under, the
 * folder their paths are relative to, the options every request carries and how a batch carries
 * its files.
 */
public record Target(ResembleClient client, String key, Path base, BatchOptions options,
    IntakeMode mode) {

  /** Everything a request carries except the callback URL, which may hold a secret. */
  String describe() {
    return "intake=" + mode + ";visualize=" + options.visualize() + ";zero_retention_mode="
        + options.zeroRetentionMode() + ";" + key;
  }
}
