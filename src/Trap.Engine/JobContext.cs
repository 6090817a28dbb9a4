namespace Trap.Engine;

/// <summary>
/// What every task of a job may read: the job's identity and its configuration as text (the job
/// file after overrides). Tasks rebuild their typed configuration from it, so a task can run in any
/// process of any machine that has the same Trap build.
/// </summary>
public sealed record JobContext(string JobName, string ConfigText, string ConfigSource);
