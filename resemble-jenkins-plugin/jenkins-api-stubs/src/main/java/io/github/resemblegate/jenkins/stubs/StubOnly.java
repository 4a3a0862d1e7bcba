package io.github.resemblegate.jenkins.stubs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a stub member that real Jenkins does not have: test set-up hooks only. The signature
 * test exempts these from the manifest, and the plugin test fails if production code uses one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface StubOnly {}
