package hudson.remoting;

/** Stub: the channel to an agent; never present here. */
public interface VirtualChannel {}
