package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.DetectResult;
import io.github.resemblegate.client.DetectStatus;
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
 * the same pass. A detection the API answers with an error of its own (404, 4xx, a 5xx after the
 * client's retries, {@code "success": false}) is a refusal: the file will get no result from it.
 * A detection that cannot be fetched for another reason is simply absent from the answer; the
 * caller decides what that means.
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

  /**
   * What a fetch brought: detections by id, the API's refusals by id, and why others could not
   * be fetched.
   */
  record Fetched(Map<String, Detection> found, Map<String, DetectResult.Failed> refused,
      Map<String, String> errors) {}

  /**
   * The detections of {@code ids} that could be fetched within {@code allowance}. {@code since}
   * is the earliest time any of them can have been created (null: unknown); {@code observer} sees
   * every detection a list page shows, wanted or not.
   */
  Fetched fetch(Collection<String> ids, Instant since, RequestBudget allowance,
      Consumer<Detection> observer) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    Map<String, Detection> found = new LinkedHashMap<>();
    Map<String, DetectResult.Failed> refused = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (wanted.size() >= LIST_FROM) {
      RecentDetections.Reading r = RecentDetections.readBack(client, allowance, since, items -> {
        for (Detection d : items) {
          if (d.uuid() == null) {
            continue;
          }
          if (wanted.remove(d.uuid())) {
            // No status and no scores: a list item that shows neither an end nor work going on.
            if (d.status() == DetectStatus.MISSING
                && DetectResult.of(d) instanceof DetectResult.Failed f) {
              refused.put(d.uuid(), f);
            } else {
              found.put(d.uuid(), d);
            }
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
        // One look settles an error answer: the id came from the API's own answer, and only
        // after the first poll delay. The docs leave open whether a fresh detection can briefly
        // answer 404 (they document 404 only for an unknown or another team's detection), so a
        // 404 here ends this run's wait; the journal then no longer keeps the file, and a re-run
        // sends it again rather than polling an id that may never come back.
        DetectResult result = allowance.client(client).getResult(id);
        if (result instanceof DetectResult.Failed f) {
          refused.put(id, f);
        } else if (result instanceof DetectResult.Completed c) {
          found.put(id, c.detection());
        } else if (result instanceof DetectResult.Running r) {
          found.put(id, r.detection());
        }
      } catch (ResembleException e) {
        debug.accept("Fetching detection " + id + " failed: " + e.getMessage());
        errors.put(id, e.getMessage());
      }
    }
    return new Fetched(found, refused, errors);
  }
}
