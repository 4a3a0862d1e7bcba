package io.github.resemblegate.gate.settings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which known setting name a name the user typed most likely meant, so that a front end can say
 * "did you mean threshold?" about a setting it does not know instead of ignoring it.
 */
public final class SettingNames {

  private SettingNames() {}

  /**
   * The known name closest to {@code typed}: the same name in another case first, else the one
   * fewest typing slips away (a letter left out, added, changed or two swapped), when there are
   * few enough slips for a mistake rather than another word. Empty when no name is that close.
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    for (String name : known) {
      if (name.toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(name);
      }
    }
    // A third of the word may be wrong (treshold, timout, onFlaged), at least one slip.
    int allowed = Math.max(1, t.length() / 3);
    String best = null;
    int bestSlips = allowed + 1;
    for (String name : known) {
      int slips = slips(t, name.toLowerCase(Locale.ROOT));
      if (slips < bestSlips) {
        best = name;
        bestSlips = slips;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Edits that turn {@code a} into {@code b}, counting a swap of two neighbours as one (the
   * optimal string alignment distance). Written out here rather than taken from a library: it is
   * the one string metric the project needs, and a dozen lines.
   */
  static int slips(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
