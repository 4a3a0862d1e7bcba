package hudson.model;

/** Stub: a job, the parent of runs. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    implements Item {

  @SuppressWarnings("rawtypes")
  protected Job(ItemGroup parent, String name) {}
}
