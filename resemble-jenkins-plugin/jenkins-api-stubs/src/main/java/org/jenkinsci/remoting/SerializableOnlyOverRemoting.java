package org.jenkinsci.remoting;

import java.io.Serializable;

/** Stub: serializable only across a remoting channel. */
public interface SerializableOnlyOverRemoting extends Serializable {}
