package io.github.resemblegate.gate;

import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fetches detections by id with as few requests as possible. The list endpoint returns up to
 * 1,000 detections per request, newest first, and the wanted ones are recent, so it is read first
 * when several are wanted, stopping as soon as all are found or after a few pages; whatever it did
 * not return is fetched one by one. A detection that cannot be fetched is simply absent from the
 * answer; the caller decides what that means.
 */
final class ResultFetcher {

  static final int PAGE_SIZE = 1000;
  /** Below this many ids, single requests are cheaper than a large list page. */
  static final int LIST_FROM = 3;
  /** Pages read beyond the ones the wanted ids could fill, for other traffic of the same team. */
  static final int EXTRA_PAGES = 2;

  private final ResembleClient client;
  private final Consumer<String> debug;

  ResultFetcher(ResembleClient client, Consumer<String> debug) {
    this.client = client;
    this.debug = debug;
  }

  /** What a fetch brought: detections by id, and why others could not be fetched. */
  record Fetched(Map<String, Detection> found, Map<String, String> errors) {}

  /** The detections found, by id; only finished ones when {@code terminalOnly}. */
  Fetched fetch(Collection<String> ids, boolean terminalOnly) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    Map<String, Detection> found = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (wanted.size() >= LIST_FROM) {
      int maxPages = (wanted.size() + PAGE_SIZE - 1) / PAGE_SIZE + EXTRA_PAGES;
      try {
        for (int page = 1; page <= maxPages && !wanted.isEmpty(); page++) {
          DetectPage p = client.listDetects(page, PAGE_SIZE);
          for (Detection d : p.items()) {
            if (d.uuid() != null && wanted.contains(d.uuid())
                && (!terminalOnly || d.status().terminal())) {
              found.put(d.uuid(), d);
              wanted.remove(d.uuid());
            }
          }
          if (page >= p.numPages() || p.items().isEmpty()) {
            break;
          }
        }
      } catch (ResembleException e) {
        debug.accept("Listing detections failed (" + e.getMessage() + "); fetching "
            + wanted.size() + " results one by one.");
      }
    }
    for (String id : wanted) {
      try {
        Detection d = client.getDetect(id);
        if (!terminalOnly || d.status().terminal()) {
          found.put(id, d);
        }
      } catch (ResembleException e) {
        debug.accept("Fetching detection " + id + " failed: " + e.getMessage());
        errors.put(id, e.getMessage());
      }
    }
    return new Fetched(found, errors);
  }
}
