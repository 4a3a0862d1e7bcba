package io.github.resemblegate.gate.internal.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one remote pass, or several together, uploaded: for the totals and the reports. */
public record Uploads(int files, long bytes, List<String> batchIds, int batches) {

  public static final Uploads NONE = new Uploads(0, 0, List.of(), 0);

  /** Both together; a batch both name (one resumed by a later pass) is listed once. */
  public Uploads plus(Uploads o) {
    Set<String> ids = new LinkedHashSet<>(batchIds);
    ids.addAll(o.batchIds);
    return new Uploads(files + o.files, bytes + o.bytes, List.copyOf(ids), batches + o.batches);
  }
}
