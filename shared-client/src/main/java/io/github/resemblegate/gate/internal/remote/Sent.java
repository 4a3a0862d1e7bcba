package io.github.resemblegate.gate.internal.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one remote pass, or several together, uploaded: for the totals and the reports. */
public record Sent(int files, long bytes, List<String> batchIds, int batches) {

  public static final Sent NONE = new Sent(0, 0, List.of(), 0);

  /** Both together; a batch both name (one resumed by a later pass) is listed once. */
  public Sent plus(Sent o) {
    Set<String> ids = new LinkedHashSet<>(batchIds);
    ids.addAll(o.batchIds);
    return new Sent(files + o.files, bytes + o.bytes, List.copyOf(ids), batches + o.batches);
  }
}
