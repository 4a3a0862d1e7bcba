package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every matched file of a run and the fate of each distinct content, in one place. Lines are added
 * in path order while hashing; fates change from several threads while the run submits and waits.
 * The ledger decides which change counts: the first failure of a content counts, a result counts
 * over a failure (an answer may come after a timeout), nothing counts over a result, and a content
 * whose file changed during its upload keeps that failure. {@link Observer}s hear every change
 * that counted, several at once when they happened together (one submission's contents).
 */
public final class Ledger {

  /** One matched path: the content it holds, or why it was never hashed. */
  public record Line(String path, long size, Content content, String skipReason) {

    public MediaType mediaType() {
      return MediaType.fromFileName(path);
    }
  }

  /** A change of fate that counted. */
  public record Change(Content content, Fate fate) {}

  /** Hears changes of fate, from whichever thread made them, outside the ledger's lock. */
  public interface Observer {
    void changed(List<Change> changes);
  }

  /**
   * Memory decides this layout: a run may hold a million lines. Contents are numbered in the
   * order of their first path ({@link Contents}, which also holds their fates). A line is a
   * number too: a content's number when the file is that content's first path (the common case:
   * no object per file), else {@code -1 - i} for {@code others.get(i)}, a later copy or a skip,
   * holding the content it had when added; {@link #lines} gives each its current content.
   */
  private int[] lines = new int[64];
  private int lineCount;
  private final List<Line> others = new ArrayList<>();
  private final Contents contents = new Contents();
  /** The fate of the last skip, shared by the contents skipped for the same reason. */
  private Fate.Skipped lastSkip;
  /** Set once the run's result is read: no fate changes after that. */
  private boolean sealed;
  private final List<Observer> observers = new CopyOnWriteArrayList<>();

  /**
   * A hashed file; a content already seen gains a path. Returns the content when this file is
   * its first, else null.
   */
  public Content add(String path, long size, long modifiedMicros, String sha256) {
    return add(path, size, modifiedMicros, sha256, null);
  }

  /** As {@link #add(String, long, long, String)}, the bytes being in {@code bytes} (null: path). */
  public synchronized Content add(String path, long size, long modifiedMicros, String sha256,
      Path bytes) {
    Content c = new Content(sha256, size, List.of(path), modifiedMicros, bytes);
    int known = contents.number(c.digest());
    if (known < 0) {
      addLine(contents.add(c));
      return c;
    }
    Content more = contents.get(known).withPath(path);
    contents.set(known, more);
    others.add(new Line(path, size, more, null));
    addLine(-others.size());
    return null;
  }

  /**
   * What sending a content bills, read once on its way to the planner: its bytes and how long it
   * plays (null: unknown); every path of the content carries it from now on. Returns the content
   * as the ledger now holds it.
   */
  public synchronized Content billable(Content content, Duration playingTime) {
    int n = contents.number(content.digest());
    if (n < 0) {
      return null;
    }
    Content billed = contents.get(n).billed(playingTime);
    contents.set(n, billed);
    return billed;
  }

  /** A matched file that is reported SKIPPED without a content (empty, unreadable, a link out). */
  public synchronized void skip(String path, long size, String reason) {
    others.add(new Line(path, size, null, reason));
    addLine(-others.size());
  }

  /** Observers hear changes in the order they were added. */
  public void observe(Observer observer) {
    observers.add(observer);
  }

  /**
   * Every matched path, in path order, each with its content as the ledger holds it now. A view,
   * not a copy (a run may hold a million lines): read it once the hashing is over.
   */
  public List<Line> lines() {
    return new Lines();
  }

  /** The view {@link #lines} gives; random access, as reports read it by index. */
  private final class Lines extends AbstractList<Line> implements RandomAccess {
    @Override
    public Line get(int i) {
      synchronized (Ledger.this) {
        Objects.checkIndex(i, lineCount);
        int at = lines[i];
        if (at >= 0) {
          Content c = contents.get(at);
          return new Line(c.path(), c.size(), c, null);
        }
        Line l = others.get(-1 - at);
        if (l.content() == null) {
          return l;
        }
        Content now = contents.get(contents.number(l.content().digest()));
        return now == l.content() ? l : new Line(l.path(), l.size(), now, null);
      }
    }

    @Override
    public int size() {
      synchronized (Ledger.this) {
        return lineCount;
      }
    }
  }

  /** The distinct contents, in the order of their first path. */
  public synchronized List<Content> contents() {
    return contents.all();
  }

  public synchronized List<Content> contents(Predicate<Fate> fate) {
    return contents.matching(fate);
  }

  /** How many distinct contents the matched files hold. */
  public synchronized int contentCount() {
    return contents.size();
  }

  /** The content with this SHA-256 as the ledger holds it now, or null when no file holds it. */
  public synchronized Content content(String sha256) {
    int n = contents.number(sha256);
    return n < 0 ? null : contents.get(n);
  }

  public synchronized Fate fate(String sha256) {
    int n = contents.number(sha256);
    return n < 0 ? null : contents.fate(n);
  }

  /** The fate of a content of this ledger. */
  public synchronized Fate fate(Content content) {
    int n = contents.number(content.digest());
    return n < 0 ? null : contents.fate(n);
  }

  public synchronized boolean hasContents() {
    return !contents.isEmpty();
  }

  /** Matched files reported SKIPPED without a content. */
  public synchronized int skippedFiles() {
    return (int) others.stream().filter(l -> l.content() == null).count();
  }

  public synchronized int size() {
    return lineCount;
  }

  /**
   * The run's result is being read: from now on no change of fate counts, so every reading of
   * the result (decision, totals, each report) sees the same fates, whatever a late answer does.
   */
  public synchronized void seal() {
    sealed = true;
  }

  private void addLine(int at) {
    if (lineCount == lines.length) {
      lines = Arrays.copyOf(lines, lineCount + (lineCount >> 1));
    }
    lines[lineCount++] = at;
  }

  /** Changes several fates at once; observers hear the ones that counted together. */
  public void update(Consumer<Updates> changes) {
    Updates u = new Updates();
    synchronized (this) {
      changes.accept(u);
    }
    if (!u.counted.isEmpty()) {
      List<Change> counted = Collections.unmodifiableList(u.counted);
      for (Observer o : observers) {
        o.changed(counted);
      }
    }
  }

  public void scored(String sha256, Analysis analysis) {
    update(u -> u.scored(sha256, analysis));
  }

  public void failed(String sha256, Failed failure) {
    update(u -> u.failed(sha256, failure));
  }

  /** The changes of one {@link #update}; only valid inside it. */
  public final class Updates {
    private final List<Change> counted = new ArrayList<>();

    /** The cache holds its result; nothing is sent for it. */
    public void fromCache(String sha256, Analysis analysis) {
      set(sha256, new Fate.Scored(analysis, true));
    }

    /** Its result, fresh from the API; a tainted content keeps its failure. */
    public void scored(String sha256, Analysis analysis) {
      Fate now = fate(sha256);
      if (now instanceof Fate.Scored || now instanceof Failed f && f.kind() == Failed.Kind.TAINTED) {
        return;
      }
      set(sha256, new Fate.Scored(analysis, false));
    }

    /** The first failure counts, and none once there is a result. */
    public void failed(String sha256, Failed failure) {
      Fate now = fate(sha256);
      if (now instanceof Fate.Scored || now instanceof Failed) {
        if (failure.kind() != Failed.Kind.TAINTED) {
          return;
        }
      }
      set(sha256, failure);
    }

    /** Sent; a content already scored or failed keeps that fate. */
    public void submitted(String sha256, Fate.Submitted submission) {
      Fate now = fate(sha256);
      if (now instanceof Fate.Open || now instanceof Fate.Submitted) {
        set(sha256, submission);
      }
    }

    /** Not submitted on purpose; only an open content is skipped. */
    public void skipped(String sha256, String reason) {
      skipped(contents.number(sha256), reason);
    }

    /** As {@link #skipped(String, String)}, for a content of this ledger. */
    public void skipped(Content content, String reason) {
      skipped(contents.number(content.digest()), reason);
    }

    private void skipped(int n, String reason) {
      if (n >= 0 && contents.fate(n) instanceof Fate.Open) {
        if (lastSkip == null || !lastSkip.reason().equals(reason)) {
          lastSkip = new Fate.Skipped(reason);
        }
        set(n, lastSkip);
      }
    }

    private void set(String sha256, Fate fate) {
      // A detection of content this run did not match has no number: nothing to change.
      set(contents.number(sha256), fate);
    }

    private void set(int n, Fate fate) {
      if (n < 0) {
        return;
      }
      if (sealed) {
        return;
      }
      contents.fate(n, fate);
      counted.add(new Change(contents.get(n), fate));
    }
  }
}
