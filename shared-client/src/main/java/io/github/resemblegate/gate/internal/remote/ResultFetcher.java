package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fetches detections by id with as few requests as possible. When several are wanted, the
 * detections list (1,000 a request, newest first) is read back until all are found or its
 * {@code created_at} passes the time the oldest of them could have been created (a failed page is
 * read again); only what the list did not show is then fetched one by one. Every detection the
 * list shows also goes to an observer, so results of other submissions in flight are collected in
 * the same pass. A detection that cannot be fetched is simply absent from the answer; the caller
 * decides what that means.
 */
final class ResultFetcher {

  /** Below this many ids, single requests are cheaper than a large list page. */
  static final int LIST_FROM = 3;

  private final ResembleClient client;
  private final Consumer<String> debug;

  ResultFetcher(ResembleClient client, Consumer<String> debug) {
    this.client = client;
    this.debug = debug;
  }

  /** What a fetch brought: detections by id, and why others could not be fetched. */
  record Fetched(Map<String, Detection> found, Map<String, String> errors) {}

  /**
   * The detections of {@code ids} that could be fetched within {@code allowance}. {@code since}
   * is the earliest time any of them can have been created (null: unknown); {@code observer} sees
   * every detection a list page shows, wanted or not.
   */
  Fetched fetch(Collection<String> ids, Instant since, RequestBudget allowance,
      Consumer<Detection> observer) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    Map<String, Detection> found = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (wanted.size() >= LIST_FROM) {
      RecentDetections.Reading r = RecentDetections.readBack(client, allowance, since, items -> {
        for (Detection d : items) {
          if (d.uuid() == null) {
            continue;
          }
          if (wanted.remove(d.uuid())) {
            found.put(d.uuid(), d);
          }
          observer.accept(d);
        }
        return !wanted.isEmpty();
      });
      if (!wanted.isEmpty()) {
        debug.accept(switch (r.stop()) {
          case FAILED -> "Listing detections failed (" + r.failure() + "); fetching "
              + wanted.size() + " results one by one.";
          case TIME -> "No time or requests left to list detections; " + wanted.size()
              + " results are fetched one by one while any remain.";
          default -> wanted.size() + " results were not among the " + r.pages()
              + (r.pages() == 1 ? " page" : " pages") + " of detections listed; fetching them one"
              + " by one.";
        });
      }
    }
    for (String id : wanted) {
      if (allowance.spent()) {
        errors.put(id, "not fetched: the time or requests allowed ran out");
        continue;
      }
      try {
        found.put(id, allowance.client(client).getDetect(id));
      } catch (ResembleException e) {
        debug.accept("Fetching detection " + id + " failed: " + e.getMessage());
        errors.put(id, e.getMessage());
      }
    }
    return new Fetched(found, errors);
  }
}
