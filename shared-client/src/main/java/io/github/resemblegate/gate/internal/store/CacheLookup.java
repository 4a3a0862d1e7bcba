package io.github.resemblegate.gate.internal.store;

import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.util.function.Consumer;

/**
 * The cache stage: a content whose result the cache holds is scored from it, at no cost and
 * before anything could bill it; every other content goes on to the plan.
 */
public final class CacheLookup implements Consumer<Content> {

  private final ResultCache cache;
  private final Ledger ledger;
  private final Consumer<Content> next;

  /** {@code cache} null: nothing is answered from it (no cache, or a refreshing run). */
  public CacheLookup(ResultCache cache, Ledger ledger, Consumer<Content> next) {
    this.cache = cache;
    this.ledger = ledger;
    this.next = next;
  }

  @Override
  public void accept(Content c) {
    Analysis a = cache == null ? null : cache.get(c.sha256());
    if (a != null) {
      ledger.update(u -> u.fromCache(c.sha256(), a));
    } else {
      next.accept(c);
    }
  }
}
