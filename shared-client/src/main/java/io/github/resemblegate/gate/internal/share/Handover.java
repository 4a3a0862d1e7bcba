package io.github.resemblegate.gate.internal.share;

import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.store.Submission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a step hands this run: the contents it now holds and submits itself, and other builds'
 * accepted submissions it collects. What the cache answered, and what ends in a failure, is in
 * the ledger already.
 */
public final class Handover {
  final Map<String, Analysis> answered = new LinkedHashMap<>();
  final Map<String, Failed> failed = new LinkedHashMap<>();
  final List<Content> mine = new ArrayList<>();
  final List<Submission> adopt = new ArrayList<>();
  final Set<String> collected = new HashSet<>();

  public List<Content> mine() {
    return mine;
  }

  public List<Submission> adopt() {
    return adopt;
  }

  boolean isEmpty() {
    return answered.isEmpty() && failed.isEmpty() && mine.isEmpty() && adopt.isEmpty();
  }
}
