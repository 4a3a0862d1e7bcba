package io.github.resemblegate.gate;

/**
 * One of {@code total} parts of a run's matched files, as CI agents split them ({@code 2/4}: the
 * second of four). Every matched file belongs to exactly one shard; {@code merge} joins the
 * shards' reports into the verdict of one run.
 *
 * @param index 1-based, at most {@code total}
 * @param total how many shards the files are split into, at least 1
 */
public record Shard(int index, int total) {

  public Shard {
    if (total < 1 || index < 1 || index > total) {
      throw new IllegalArgumentException("A shard is i/n with 1 <= i <= n, not " + index + "/"
          + total + ".");
    }
  }

  /** How users write it and reports store it: {@code 2/4}. */
  public String id() {
    return index + "/" + total;
  }

  @Override
  public String toString() {
    return id();
  }
}
