package hudson;

/**
 * Stub: the helpers Jenkins' pages call; here only whether the Artifacts permission is in force
 * (read from jenkinsci/jenkins at jenkins-2.479.3, core/src/main/java/hudson/Functions.java).
 */
public class Functions {

  /**
   * True when the system property {@code hudson.security.ArtifactsPermission} is set, which makes
   * Jenkins check {@code Run.ARTIFACTS} before serving a build's files.
   */
  public static boolean isArtifactsPermissionEnabled() {
    return Boolean.getBoolean("hudson.security.ArtifactsPermission");
  }
}
