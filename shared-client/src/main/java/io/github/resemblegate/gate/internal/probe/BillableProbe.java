package io.github.resemblegate.gate.internal.probe;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads what sending a content bills on its way from the cache stage to the planner: its bytes
 * and, where its container says so in a few header fields, how long it plays. Only contents the
 * cache does not answer come here, so an unchanged tree reads nothing for it; the plan, the budget
 * check, a dry run's sentence and the reports all use this one reading. Only the container's
 * header is read, its format told by its signature ({@link PlayingTime}): the content check has
 * already said the file is media. Images play for no time and are not read; a file that cannot be
 * read has an unknown playing time, never 0.
 */
public final class BillableProbe implements Consumer<Content> {

  private final Path base;
  private final Ledger ledger;
  private final Consumer<Content> next;

  /** Contents' paths are under {@code base}; each goes on to {@code next} with its facts. */
  public BillableProbe(Path base, Ledger ledger, Consumer<Content> next) {
    this.base = base;
    this.ledger = ledger;
    this.next = next;
  }

  @Override
  public void accept(Content c) {
    Content billed = ledger.billable(c, playingTime(c));
    next.accept(billed == null ? c : billed);
  }

  private Duration playingTime(Content c) {
    return c.mediaType() == MediaType.IMAGE ? null : PlayingTime.of(c.file(base));
  }
}
