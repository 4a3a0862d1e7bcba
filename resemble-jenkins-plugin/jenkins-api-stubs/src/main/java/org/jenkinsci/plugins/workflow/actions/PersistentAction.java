package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/**
 * Stub: an action kept with a flow node (read from jenkinsci/workflow-api-plugin at
 * 1373.v7b_813f10efa_b_, src/main/java/org/jenkinsci/plugins/workflow/actions/PersistentAction.java).
 */
public interface PersistentAction extends Action {}
