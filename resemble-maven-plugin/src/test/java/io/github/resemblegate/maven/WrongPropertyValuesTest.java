package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong {@code -Dresemble.*} value reaches the settings reader as the word typed, so the build
 * stops with the reader's sentence naming it, not with Maven's "Cannot convert" error, and a
 * boolean Maven would have read as false is refused.
 */
@MojoTest
class WrongPropertyValuesTest {

  @Inject
  private MavenSession session;

  @BeforeEach
  void commandLine() {
    session.getUserProperties().setProperty("resemble.threshold", "abc");
    session.getUserProperties().setProperty("resemble.maxRetries", "a few");
    session.getUserProperties().setProperty("resemble.dryRun", "yes");
  }

  @Test
  @InjectMojo(goal = "detect")
  void theBuildStopsWithTheReadersSentenceForEachWrongValue(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());

    assertThatThrownBy(mojo::gateConfig)
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("threshold must be a number, not 'abc'.")
        .hasMessageContaining("maxRetries must be")
        .hasMessageContaining("'a few'")
        .hasMessageContaining("dryRun must be true or false, not 'yes'.");
  }
}
