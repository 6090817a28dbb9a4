namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// A task's own code failed (it threw on the worker). Pure tasks fail the same way on any worker, so
/// the scheduler does not retry it: the job stops with the task's message.
/// </summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string message) : base(message) { }
}
