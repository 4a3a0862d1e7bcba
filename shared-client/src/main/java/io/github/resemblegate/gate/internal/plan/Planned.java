package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.gate.internal.ledger.Content;
import java.util.List;

/**
 * One request the plan sends: a batch of contents, or one content on its own. The remote half
 * sends it as one submission.
 */
public sealed interface Planned {

  /** What it uploads, in path order. */
  List<Content> contents();

  /** Its bytes. */
  default long bytes() {
    long n = 0;
    for (Content c : contents()) {
      n += c.size();
    }
    return n;
  }

  /** Files uploaded together to the batch endpoint. */
  record Batch(List<Content> contents) implements Planned {

    public Batch {
      contents = List.copyOf(contents);
    }
  }

  /**
   * A file that goes on its own, and why; {@code secure} when it is larger than a direct upload
   * may be and goes through a secure upload first.
   */
  record Single(Content content, String why, boolean secure) implements Planned {

    @Override
    public List<Content> contents() {
      return List.of(content);
    }
  }
}
