package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one {@code ObjectMapper} for the gate's own files — cache entries, the journal, claim
 * notes — made on first use: creating one loads and sets up hundreds of classes (tens of
 * milliseconds in a fresh build JVM), which a run that reads or writes none of those files, such
 * as a build without media, never pays for. Thread-safe once made, and never reconfigured.
 */
public final class StoreJson {

  private StoreJson() {}

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** Initialized by the JVM on the first call, exactly once. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
