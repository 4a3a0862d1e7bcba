package io.github.resemblegate.client;

/** How a batch carries its files: repeated {@code files[]} parts, or one {@code file} part holding a zip. */
public enum IntakeMode {
  FILES,
  ZIP
}
