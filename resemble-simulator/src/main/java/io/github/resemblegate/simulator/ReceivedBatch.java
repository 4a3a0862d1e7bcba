package io.github.resemblegate.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch the simulator created, for test assertions.
 *
 * @param uuid the batch id it answered
 * @param fileNames the files in submission order; for zip intake the media entries, folders flattened
 * @param zipIntake whether the files came as one zip {@code file} part
 * @param fields the recognised form fields as sent, e.g. {@code visualize=false}
 * @param detectUuids the child detect ids, in the order of {@code fileNames}
 * @param createdAt when it was created
 */
public record ReceivedBatch(
    String uuid,
    List<String> fileNames,
    boolean zipIntake,
    Map<String, String> fields,
    List<String> detectUuids,
    Instant createdAt) {

  public ReceivedBatch {
    fileNames = List.copyOf(fileNames);
    fields = Map.copyOf(fields);
    detectUuids = List.copyOf(detectUuids);
  }
}
