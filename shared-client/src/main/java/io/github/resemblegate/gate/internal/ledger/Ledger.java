package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * Each line's content is the one it had when added; {@link #lines} gives the current one. A
   * file that is its content's first path is held as that {@link Content} alone, every other line
   * as a {@link Line}: the common case of a large tree (distinct files) costs no record per file.
   */
  private final List<Object> lines = new ArrayList<>();
  /** The fate of the last skip, shared by the contents skipped for the same reason. */
  private Fate.Skipped lastSkip;
  private final Map<String, Content> contents = new LinkedHashMap<>();
  private final Map<String, Fate> fates = new LinkedHashMap<>();
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
      java.nio.file.Path bytes) {
    Content known = contents.get(sha256);
    Content c = known == null ? new Content(sha256, size, MediaType.fromFileName(path),
        List.of(path), modifiedMicros, bytes) : known.withPath(path);
    contents.put(sha256, c);
    fates.putIfAbsent(sha256, Fate.OPEN);
    lines.add(known == null ? c : new Line(path, size, c, null));
    return known == null ? c : null;
  }

  /**
   * What sending a content bills, read once on its way to the planner; every path of the content
   * carries it from now on. Returns the content as the ledger now holds it.
   */
  public synchronized Content billable(String sha256, Content.Billable facts) {
    Content c = contents.get(sha256);
    if (c == null) {
      return null;
    }
    Content billed = c.billed(facts);
    contents.put(sha256, billed);
    return billed;
  }

  /** A matched file that is reported SKIPPED without a content (empty, unreadable, a link out). */
  public synchronized void skip(String path, long size, String reason) {
    lines.add(new Line(path, size, null, reason));
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
    return new AbstractList<>() {
      @Override
      public Line get(int i) {
        synchronized (Ledger.this) {
          Line l = line(lines.get(i));
          Content now = l.content() == null ? null : contents.get(l.content().sha256());
          return now == null || now == l.content() ? l
              : new Line(l.path(), l.size(), now, null);
        }
      }

      @Override
      public int size() {
        synchronized (Ledger.this) {
          return lines.size();
        }
      }
    };
  }

  private static Line line(Object held) {
    return held instanceof Content c ? new Line(c.path(), c.size(), c, null) : (Line) held;
  }

  /** The distinct contents, in the order of their first path. */
  public synchronized List<Content> contents() {
    return List.copyOf(contents.values());
  }

  public synchronized List<Content> contents(Predicate<Fate> fate) {
    return contents.values().stream().filter(c -> fate.test(fates.get(c.sha256()))).toList();
  }

  public synchronized Content content(String sha256) {
    return contents.get(sha256);
  }

  public synchronized Fate fate(String sha256) {
    return fates.get(sha256);
  }

  public synchronized boolean hasContents() {
    return !contents.isEmpty();
  }

  /** Matched files reported SKIPPED without a content. */
  public synchronized int skippedFiles() {
    return (int) lines.stream().filter(l -> l instanceof Line line && line.content() == null)
        .count();
  }

  public synchronized int size() {
    return lines.size();
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
      Fate now = fates.get(sha256);
      if (now instanceof Fate.Scored || now instanceof Failed f && f.kind() == Failed.Kind.TAINTED) {
        return;
      }
      set(sha256, new Fate.Scored(analysis, false));
    }

    /** The first failure counts, and none once there is a result. */
    public void failed(String sha256, Failed failure) {
      Fate now = fates.get(sha256);
      if (now instanceof Fate.Scored || now instanceof Failed) {
        if (failure.kind() != Failed.Kind.TAINTED) {
          return;
        }
      }
      set(sha256, failure);
    }

    /** Sent; a content already scored or failed keeps that fate. */
    public void submitted(String sha256, Fate.Submitted submission) {
      Fate now = fates.get(sha256);
      if (now instanceof Fate.Open || now instanceof Fate.Submitted) {
        set(sha256, submission);
      }
    }

    /** Not submitted on purpose; only an open content is skipped. */
    public void skipped(String sha256, String reason) {
      if (fates.get(sha256) instanceof Fate.Open) {
        if (lastSkip == null || !lastSkip.reason().equals(reason)) {
          lastSkip = new Fate.Skipped(reason);
        }
        set(sha256, lastSkip);
      }
    }

    private void set(String sha256, Fate fate) {
      Content c = contents.get(sha256);
      if (c == null) {
        return; // a detection of content this run did not match
      }
      fates.put(sha256, fate);
      counted.add(new Change(c, fate));
    }
  }
}
