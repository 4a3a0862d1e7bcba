package io.github.resemblegate.simulator;

import java.time.Instant;
import java.util.List;

/** One batch as the simulator keeps it; its status derives from its children's. */
record BatchRecord(
    String uuid,
    Instant createdAt,
    List<String> detectUuids,
    List<String> fileNames,
    boolean zipIntake,
    DetectSettings settings) {

  ReceivedBatch received() {
    return new ReceivedBatch(uuid, fileNames, zipIntake, settings.fields(), detectUuids, createdAt);
  }
}
