package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Stub: where a build step writes its console output. */
public interface TaskListener extends SerializableOnlyOverRemoting {
  PrintStream getLogger();
}
