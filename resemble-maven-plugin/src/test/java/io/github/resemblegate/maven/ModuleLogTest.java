package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ModuleLogTest {

  private final RecordingLog recording = new RecordingLog();
  private final MavenProject voice = ScanScopeTest.project(Path.of("/work/voice"), "voice");
  private final MavenProject art = ScanScopeTest.project(Path.of("/work/art"), "art");

  private static MavenSession session(boolean parallel, MavenProject... projects) {
    MavenSession session = mock(MavenSession.class);
    when(session.isParallel()).thenReturn(parallel);
    when(session.getProjects()).thenReturn(List.of(projects));
    return session;
  }

  @Test
  void modulesBuildingAtTheSameTimeNameTheirModuleOnEveryLine() {
    Log log = ModuleLog.of(recording, session(true, voice, art), voice);

    log.info("Matched 2 media files (1.7 kB).");
    log.warn("Verdict: PASSED with warnings.");
    log.error("Verdict: FAILED.");
    log.debug("Resemble API: GET /detect");

    assertThat(recording.lines).containsExactly(
        new RecordingLog.Line("info", "[voice] Matched 2 media files (1.7 kB)."),
        new RecordingLog.Line("warn", "[voice] Verdict: PASSED with warnings."),
        new RecordingLog.Line("error", "[voice] Verdict: FAILED."),
        new RecordingLog.Line("debug", "[voice] Resemble API: GET /detect"));
  }

  @Test
  void oneModuleAtATimeNeedsNoName() {
    assertThat(ModuleLog.of(recording, session(false, voice, art), voice)).isSameAs(recording);
  }

  @Test
  void aSingleModuleUnderThreadsNeedsNoName() {
    assertThat(ModuleLog.of(recording, session(true, voice), voice)).isSameAs(recording);
  }
}
