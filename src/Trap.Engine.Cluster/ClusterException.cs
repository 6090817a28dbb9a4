namespace Trap.Engine.Cluster;

/// <summary>A cluster job or worker cannot go on: the message says what failed and what to do.</summary>
public sealed class ClusterException : Exception
{
    public ClusterException(string message) : base(message) { }

    public ClusterException(string message, Exception inner) : base(message, inner) { }
}
