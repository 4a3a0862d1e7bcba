package hudson.model;

/** Stub: the build queue; only its {@link Task} type is used. */
public class Queue {
  private Queue() {}

  /** Stub: something that can be scheduled, such as a job. */
  public interface Task extends ModelObject {}
}
