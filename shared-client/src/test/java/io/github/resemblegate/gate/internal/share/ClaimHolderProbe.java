package io.github.resemblegate.gate.internal.share;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.internal.store.ResultKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Stands for another build in its own JVM that holds claims and then hangs, for
 * {@link GateParallelTest}: args are the API URL, the cache directory and the hashes to claim.
 * Prints one line once it holds them, then waits until it is killed.
 */
public final class ClaimHolderProbe {

  private ClaimHolderProbe() {}

  public static void main(String[] args) throws IOException {
    Claims claims = new Claims(Path.of(args[1]), ResultKey.of(args[0], BatchOptions.DEFAULTS),
        System.out::println);
    int held = 0;
    for (int i = 2; i < args.length; i++) {
      if (claims.claim(args[i])) {
        held++;
      }
    }
    System.out.println("holding " + held);
    System.out.flush();
    // Until the test kills this process; stdin stays open until then.
    while (System.in.read() != -1) {
      // keep holding
    }
  }
}
