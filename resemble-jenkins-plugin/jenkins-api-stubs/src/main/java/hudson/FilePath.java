package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Stub: a file on some node, read from jenkinsci/jenkins at jenkins-2.479.3
 * (core/src/main/java/hudson/FilePath.java). Only local paths exist here; {@link #act} runs the
 * callable in this JVM, as real Jenkins does for a path without a channel.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
  private static final long serialVersionUID = 1L;

  private final String remote;

  public FilePath(VirtualChannel channel, String remote) {
    if (channel != null) {
      throw new UnsupportedOperationException("The stub has no remote channels.");
    }
    this.remote = remote;
  }

  public FilePath(File localPath) {
    this.remote = localPath.getPath();
  }

  public FilePath(FilePath base, String rel) {
    this.remote = new File(base.remote, rel).getPath();
  }

  public String getRemote() {
    return remote;
  }

  public String getName() {
    return new File(remote).getName();
  }

  public boolean isRemote() {
    return false;
  }

  public FilePath child(String relOrAbsolute) {
    File f = new File(relOrAbsolute);
    return f.isAbsolute() ? new FilePath(f) : new FilePath(this, relOrAbsolute);
  }

  public boolean exists() throws IOException, InterruptedException {
    return new File(remote).exists();
  }

  public void mkdirs() throws IOException, InterruptedException {
    Files.createDirectories(new File(remote).toPath());
  }

  public void copyTo(FilePath target) throws IOException, InterruptedException {
    Files.copy(new File(remote).toPath(), new File(target.remote).toPath(),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The target of this symbolic link, or null when it is none. Real Jenkins (since 1.456) asks
   * {@code Util.resolveSymlink} where the file is.
   */
  public String readLink() throws IOException, InterruptedException {
    Path p = new File(remote).toPath();
    return Files.isSymbolicLink(p) ? Files.readSymbolicLink(p).toString() : null;
  }

  /**
   * Whether {@code potentialChildRelativePath} is inside this folder once symbolic links are
   * resolved. As in Jenkins 2.479.3: an absolute path is an IllegalArgumentException, a folder
   * that does not exist has no descendants, and a child that does not exist (yet) is judged by
   * its normalized path, after the links of the part that exists are resolved.
   */
  public boolean isDescendant(String potentialChildRelativePath)
      throws IOException, InterruptedException {
    if (new File(potentialChildRelativePath).isAbsolute()) {
      throw new IllegalArgumentException("Only a relative path is supported, the given path is"
          + " absolute: " + potentialChildRelativePath);
    }
    Path parent = new File(remote).getAbsoluteFile().toPath();
    Path parentReal;
    try {
      parentReal = parent.toRealPath();
    } catch (NoSuchFileException e) {
      return false;
    }
    Path child = parent.resolve(potentialChildRelativePath);
    try {
      return child.toRealPath().startsWith(parentReal);
    } catch (NoSuchFileException e) {
      Path existing = child.normalize();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      return (existing == null || existing.toRealPath().startsWith(parentReal))
          && child.normalize().startsWith(parent.normalize());
    }
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    return callable.invoke(new File(remote), null);
  }

  @Override
  public String toString() {
    return remote;
  }

  /** Stub: work done where the file is. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }
}
