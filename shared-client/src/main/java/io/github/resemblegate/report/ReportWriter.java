package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one report format of a verdict to a stream (UTF-8); {@link Reports} owns the files. */
interface ReportWriter {

  void write(GateResult result, OutputStream out) throws IOException;
}
