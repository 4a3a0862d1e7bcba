package hudson;

/** Stub: marker of extension points. */
public interface ExtensionPoint {}
