package io.github.resemblegate.client;

import java.util.List;

/** One page of {@code GET /detect}. */
public record DetectPage(int page, int numPages, int pageSize, int totalCount, List<Detection> items) {

  public DetectPage {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
