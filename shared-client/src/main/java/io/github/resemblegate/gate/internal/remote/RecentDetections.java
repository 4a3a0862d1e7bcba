package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BadRequestException;
import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.UnauthorizedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the team's detections list ({@code GET /detect}, 1,000 a page, newest first) back in time,
 * page by page, until the reader has what it wants or the list's {@code created_at} passes the
 * time it was asked to read back to. A page that fails is read again (the client has already
 * retried what it safely can; this covers a run of bad luck). Detections created while the list is
 * read push older ones onto later pages, so a detection may be seen twice but is never skipped.
 * The newest-first order is not documented, so reaching the time only counts while every page read
 * was in that order.
 */
public final class RecentDetections {

  public static final int PAGE_SIZE = 1000;
  /** At most this many pages (50,000 detections) are read back. */
  public static final int MAX_PAGES = 50;
  /** Reads of one page before the list counts as unreadable. */
  public static final int READS_PER_PAGE = 3;

  /** Why reading stopped. */
  enum Stop {
    /** The reader had what it wanted. */
    ENOUGH,
    /** The list's detections went back past the time asked for. */
    PAST,
    /** The list ended. */
    END,
    /** {@link #MAX_PAGES} pages were read. */
    CAP,
    /** A page could not be read; {@link Reading#failure} says why. */
    FAILED,
    /** The allowance ran out first. */
    TIME
  }

  /** What a read-back did: why it stopped, how many pages it read, and a failure's message. */
  record Reading(Stop stop, int pages, String failure) {}

  /** Sees each page's detections; returns false once it has what it wants. */
  interface Reader {
    boolean wantsMore(List<Detection> items);
  }

  private RecentDetections() {}

  /**
   * Reads pages from the newest until {@code reader} has enough, or the list passes {@code back}
   * (null: never), ends, reaches {@link #MAX_PAGES}, fails, or {@code allowance} is spent.
   */
  static Reading readBack(ResembleClient client, RequestBudget allowance, Instant back,
      Reader reader) {
    boolean ordered = true;
    for (int page = 1; page <= MAX_PAGES; page++) {
      DetectPage p = null;
      ResembleException last = null;
      for (int read = 1; read <= READS_PER_PAGE && p == null; read++) {
        if (allowance.spent()) {
          return new Reading(Stop.TIME, page - 1, null);
        }
        try {
          p = allowance.client(client).listDetects(page, PAGE_SIZE);
        } catch (UnauthorizedException | ForbiddenException | NotFoundException
            | BadRequestException e) {
          // The same answer would come again.
          return new Reading(Stop.FAILED, page - 1, e.getMessage());
        } catch (ResembleException e) {
          last = e;
        }
      }
      if (p == null) {
        return allowance.timeIsUp() ? new Reading(Stop.TIME, page - 1, null)
            : new Reading(Stop.FAILED, page - 1, last.getMessage());
      }
      boolean past = false;
      Instant previous = null;
      for (Detection d : p.items()) {
        Instant created = parse(d.createdAt());
        if (created == null) {
          continue;
        }
        if (previous != null && created.isAfter(previous)) {
          ordered = false;
        }
        previous = created;
        if (back != null && created.isBefore(back)) {
          past = true;
        }
      }
      if (!reader.wantsMore(p.items())) {
        return new Reading(Stop.ENOUGH, page, null);
      }
      if (past && ordered) {
        return new Reading(Stop.PAST, page, null);
      }
      if (p.items().isEmpty() || page >= p.numPages()) {
        return new Reading(Stop.END, page, null);
      }
    }
    return new Reading(Stop.CAP, MAX_PAGES, null);
  }

  /** An API timestamp, or null when it is missing or unreadable. */
  static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(timestamp.strip());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
