package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stub: a credential. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
