package io.github.resemblegate.gate.internal.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ledger's distinct contents and their fates, numbered in the order they were first seen, and found by
 * SHA-256 through an open-addressing table of numbers: a million contents cost two ints each here,
 * not a map entry and a 64-character key. Not thread-safe: the ledger's lock guards it.
 */
final class Contents {

  private final List<Content> byNumber = new ArrayList<>();
  private final List<Fate> fates = new ArrayList<>();
  /** Each slot holds a content's number + 1, or 0 when empty; kept at most half full. */
  private int[] table = new int[64];

  /** Numbers a new content (its digest not held yet), {@link Fate#OPEN}, and returns its number. */
  int add(Content c) {
    int n = byNumber.size();
    byNumber.add(c);
    fates.add(Fate.OPEN);
    if (2 * byNumber.size() > table.length) {
      int[] old = table;
      table = new int[old.length * 2];
      for (int entry : old) {
        if (entry != 0) {
          put(entry, byNumber.get(entry - 1).digestHash());
        }
      }
    }
    put(n + 1, c.digestHash());
    return n;
  }

  Content get(int n) {
    return byNumber.get(n);
  }

  /** Replaces content {@code n} by a later state of the same content (a path more, billed). */
  void set(int n, Content c) {
    byNumber.set(n, c);
  }

  Fate fate(int n) {
    return fates.get(n);
  }

  void fate(int n, Fate fate) {
    fates.set(n, fate);
  }

  /** The contents whose fate {@code test} accepts, by number. */
  List<Content> matching(Predicate<Fate> test) {
    List<Content> matching = new ArrayList<>();
    for (int n = 0; n < byNumber.size(); n++) {
      if (test.test(fates.get(n))) {
        matching.add(byNumber.get(n));
      }
    }
    return matching;
  }

  int size() {
    return byNumber.size();
  }

  boolean isEmpty() {
    return byNumber.isEmpty();
  }

  List<Content> all() {
    return List.copyOf(byNumber);
  }

  /** The number of the content with this SHA-256 in hex, or -1 (also for what is no SHA-256). */
  int number(String sha256) {
    long[] digest = Content.wordsOrNull(sha256);
    return digest == null ? -1 : number(digest);
  }

  /** The number of the content with this digest, or -1. */
  int number(long[] digest) {
    int mask = table.length - 1;
    for (int slot = Content.hash(digest) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      int n = table[slot] - 1;
      if (byNumber.get(n).hasDigest(digest)) {
        return n;
      }
    }
    return -1;
  }

  private void put(int entry, int hash) {
    int mask = table.length - 1;
    int slot = hash & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry;
  }
}
