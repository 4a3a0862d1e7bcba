package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stub: marks an annotation whose uses javac lists in
 * {@code META-INF/services/annotations/<annotation>} (read from jenkinsci/lib-annotation-indexer
 * at annotation-indexer-1.17, the version Jenkins 2.479.3 bundles). Here the listing is written
 * by {@code io.github.resemblegate.jenkins.stubs.IndexedProcessor}; the real library's
 * {@code validators()} member is left out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {}
