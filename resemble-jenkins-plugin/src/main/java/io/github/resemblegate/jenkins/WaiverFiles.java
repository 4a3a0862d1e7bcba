package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.Waiver;
import io.github.resemblegate.gate.Waivers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the waiver file named in the step; the only place the step touches the file format. */
final class WaiverFiles {

  private WaiverFiles() {}

  static List<Waiver> load(Path file, String setting) {
    if (!Files.isRegularFile(file)) {
      throw new GateException("The waiver file '" + setting + "' does not exist in the workspace; "
          + "check the waivers setting.");
    }
    // The shared gate owns the file format (YAML or JSON) and its one-sentence errors.
    return Waivers.load(file);
  }
}
