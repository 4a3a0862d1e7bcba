package io.github.resemblegate.report;

import io.github.resemblegate.gate.Verdict;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one report format of a verdict to a stream (UTF-8); {@link Reports} owns the files. */
interface ReportWriter {

  void write(Verdict verdict, OutputStream out) throws IOException;
}
