package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import io.github.resemblegate.jenkins.stubs.StubOnly;

/**
 * Stub: one node of a Pipeline's flow graph, such as the call of a step, carrying actions (read
 * from jenkinsci/workflow-api-plugin at 1373.v7b_813f10efa_b_,
 * src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java). The real constructors take a
 * FlowExecution; tests make a node with an id only.
 */
public abstract class FlowNode extends Actionable {
  private final String id;

  @StubOnly
  protected FlowNode(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }
}
