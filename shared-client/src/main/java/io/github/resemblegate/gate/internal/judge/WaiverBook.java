package io.github.resemblegate.gate.internal.judge;

import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Waiver;
import io.github.resemblegate.gate.scan.AntPattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The waivers of one run and what became of them: which waived a file, which had expired when a
 * file needed them, and which waived nothing. A waiver by SHA-256 is preferred to one by path.
 * A waiver is current through its {@code until} day inclusive.
 */
public final class WaiverBook {

  private final List<Entry> entries = new ArrayList<>();
  private final LocalDate today;

  private static final class Entry {
    final Waiver waiver;
    final AntPattern pattern;
    final String sha;
    /** Sets, not lists: a run's files may be judged more than once (each report reads them). */
    boolean waivedAny;
    final Set<String> notWaivedBecauseExpired = new LinkedHashSet<>();

    Entry(Waiver waiver) {
      this.waiver = waiver;
      this.sha = waiver.sha256() == null || waiver.sha256().isBlank() ? null
          : waiver.sha256().strip().toLowerCase(Locale.ROOT);
      this.pattern = waiver.path() == null || waiver.path().isBlank() ? null
          : AntPattern.compile(waiver.path(), "waiver path");
    }

    boolean bySha(String fileSha) {
      return sha != null && sha.equals(fileSha);
    }

    boolean byPath(String path) {
      return pattern != null && pattern.matches(path);
    }
  }

  public WaiverBook(List<Waiver> waivers, LocalDate today) {
    this.today = today;
    for (Waiver w : waivers) {
      entries.add(new Entry(w));
    }
  }

  /**
   * The current waiver covering a FLAGGED or WARNED file, or null. Remembers the use, and any
   * expired waiver that would have covered it.
   */
  public synchronized Waiver waive(String path, String sha, Outcome wouldBe) {
    Entry found = null;
    for (int pass = 0; pass < 2 && found == null; pass++) {
      for (Entry e : entries) {
        boolean matches = pass == 0 ? e.bySha(sha) : e.byPath(path);
        if (!matches) {
          continue;
        }
        if (e.waiver.expiredOn(today)) {
          e.notWaivedBecauseExpired.add(path + " is " + wouldBe);
        } else if (found == null) {
          found = e;
        }
      }
    }
    if (found != null) {
      found.waivedAny = true;
      return found.waiver;
    }
    return null;
  }

  /**
   * Run-level notices: every expired waiver (and which files it no longer covers) and, when
   * {@code reportUnused}, every current waiver that waived nothing.
   */
  public synchronized List<String> notices(boolean reportUnused) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      Waiver w = e.waiver;
      if (w.expiredOn(today)) {
        String base = "The waiver for " + w.describe() + " expired on " + w.until()
            + " (reason: " + w.reason() + ")";
        if (e.notWaivedBecauseExpired.isEmpty()) {
          out.add(base + "; it no longer applies, renew or remove it.");
        } else {
          out.add(base + " and no longer waives anything: " + summarize(List.copyOf(e.notWaivedBecauseExpired))
              + "; renew or remove it.");
        }
      } else if (reportUnused && !e.waivedAny) {
        out.add("The waiver for " + w.describe() + " (reason: " + w.reason() + ") waived no file"
            + " in this run; remove it if it is no longer needed.");
      }
    }
    return out;
  }

  private static String summarize(List<String> items) {
    int shown = Math.min(items.size(), 5);
    String head = String.join(", ", items.subList(0, shown));
    return items.size() > shown ? head + " and " + (items.size() - shown) + " more" : head;
  }
}
